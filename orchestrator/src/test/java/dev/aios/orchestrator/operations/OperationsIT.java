package dev.aios.orchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The operator-facing endpoints: OpenAPI document, readiness, live agents, dead-letter queues. */
class OperationsIT extends OrchestratorIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    StringRedisTemplate redis;

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"openapi\":\"3.1.0\"").contains("/api/v1/projects/{id}/events");
    }

    @Test
    void isReadyWhenDatabaseBrokerAndRedisAnswer() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void listsAgentsWhoseHeartbeatIsFresh() throws Exception {
        // given: an agent-base heartbeat key under this test's prefix
        redis.opsForValue()
                .set(
                        INFRA.redisPrefix + "aios:agents:backend:backend-7",
                        "inFlight=2;at=2026-11-21T10:00:00Z",
                        Duration.ofSeconds(30));
        // when
        HttpResponse<String> response = get("/api/v1/agents");
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"agentId\":\"backend-7\"", "\"role\":\"backend\"", "\"inFlight\":2");
    }

    @Test
    void listsTheDeadLetterQueuesItDeclared() throws Exception {
        HttpResponse<String> response = get("/api/v1/dlq");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("aios.orchestrator.events.dlq", "aios.agent.backend.dlq");
    }

    @Test
    void redriveOfAnEmptyKnownQueueMovesNothing() throws Exception {
        HttpResponse<String> response = http.send(
                request("/api/v1/dlq/aios.orchestrator.events.dlq/redrive")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"redriven\":0");
    }
}
