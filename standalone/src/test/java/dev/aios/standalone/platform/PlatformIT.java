package dev.aios.standalone.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.standalone.infra.FreePorts;
import dev.aios.standalone.infra.Infrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform in one JVM, on embedded infrastructure, seen through its operations API. */
class PlatformIT {

    @Test
    void theOrchestratorSeesEachOfTheFiveAgentsOnceAndTheRouterPortServesOnlyThem() throws Exception {
        // given the whole platform on embedded infrastructure, the router listening as in `up`
        int routerPort = FreePorts.any();
        try (Infrastructure infrastructure = Infrastructure.start(Map.of());
                Platform platform = Platform.start(infrastructure.endpoints(), infrastructure.knowledge(), FreePorts.any(), routerPort,
                        "127.0.0.1", Map.of())) {
            HttpClient http = HttpClient.newHttpClient();
            URI agents = URI.create("http://127.0.0.1:" + platform.apiPort() + "/api/v1/agents");

            // when the operations API is asked for live agents, then every persona is there exactly once
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode live = JsonMapper.builder().build().readTree(
                        http.send(HttpRequest.newBuilder(agents).build(), HttpResponse.BodyHandlers.ofString()).body());
                List<String> roles = new ArrayList<>();
                live.forEach(agent -> roles.add(agent.path("role").asString()));
                assertThat(roles).containsExactlyInAnyOrder("cto", "backend", "frontend", "qa", "devops");
            });

            // and a caller without the platform's per-boot token is refused by the router
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + "/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        }
    }
}
