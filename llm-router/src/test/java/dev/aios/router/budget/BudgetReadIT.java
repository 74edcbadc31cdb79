package dev.aios.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.router.client.RouterHeaders;
import dev.aios.router.client.RouterToken;
import dev.aios.router.fake.FakeProviderServer;
import dev.aios.router.fake.RouterInstance;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/budgets/{projectId}} over real HTTP with the ledger in the real Redis: the orchestrator reads what a
 * running call holds and what settled calls cost; nobody else reads it (ADR 0043).
 */
class BudgetReadIT {
    private static final AiosTestInfrastructure INFRA = AiosTestInfrastructure.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final RouterToken ORCHESTRATOR = RouterToken.generate();
    // 1000 tokens out on gpt-4.1-mini ($1.60 per million) may cost 1600, plus the prompt estimate
    private static final long MAX_TOKENS_PART = 1_600;
    private static final long BUDGET = 10_000;

    private static FakeProviderServer openAi;
    private static AiosTestInfrastructure.TemporaryVhost vhost;
    private static AiosTestInfrastructure.TemporaryRedisPrefix prefix;
    private static RouterInstance router;

    @BeforeAll
    static void start() {
        // each answer takes a while, so a reader sees the call's reservation while it runs
        openAi = FakeProviderServer.openAi()
                .always(new FakeProviderServer.Reply(200, "ok", 1, 500, Map.of(), Duration.ofSeconds(2), null));
        vhost = INFRA.createVhost();
        prefix = INFRA.createRedisPrefix();
        router = RouterInstance.gptOnly(
                openAi.baseUrl(),
                INFRA,
                vhost,
                Map.of(
                        "aios.router.deployment-mode",
                        "true",
                        "aios.router.budget.key-prefix",
                        prefix.prefix() + "budget:",
                        "aios.router.clients.orchestrator.token-sha256",
                        ORCHESTRATOR.sha256Hex()));
    }

    @AfterAll
    static void stop() {
        if (router != null) {
            router.close();
        }
        prefix.close();
        vhost.close();
        openAi.close();
    }

    private static HttpResponse<String> read(String projectId, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(router.baseUrl().resolve("/v1/budgets/" + projectId));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> readAsOrchestrator(String projectId) throws Exception {
        return read(projectId, "Bearer " + ORCHESTRATOR.value());
    }

    private static void thenAProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).isEqualTo("https://aios.dev/problems/" + type);
    }

    @Nested
    class TheOrchestratorReads {
        @Test
        void whatARunningCallHoldsAndThenWhatItCost() throws Exception {
            // given: a call of the project is running at the provider
            String project = "read-it-" + UUID.randomUUID();
            CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> router.chat(
                    "q",
                    1000,
                    Map.of(
                            RouterHeaders.PROJECT_ID,
                            project,
                            RouterHeaders.BUDGET_LIMIT_MICROS,
                            Long.toString(BUDGET))));

            // when the orchestrator reads the project's budget while it runs
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                HttpResponse<String> during = readAsOrchestrator(project);
                assertThat(during.statusCode()).isEqualTo(200);
                JsonNode balance = JSON.readTree(during.body());
                // then the call's worst case is reserved, nothing spent yet
                assertThat(balance.path("projectId").asString()).isEqualTo(project);
                assertThat(balance.path("limitMicros").asLong()).isEqualTo(BUDGET);
                assertThat(balance.path("spentMicros").asLong()).isZero();
                long reserved = balance.path("reservedMicros").asLong();
                assertThat(reserved).isBetween(MAX_TOKENS_PART, MAX_TOKENS_PART + 100);
                assertThat(balance.path("leftMicros").asLong()).isEqualTo(BUDGET - reserved);
            });
            assertThat(call.isDone())
                    .as("the call still runs while its reservation is read")
                    .isFalse();

            // and once the call ends, its real cost is spent and nothing is held
            HttpResponse<String> answered = call.get();
            assertThat(answered.statusCode()).isEqualTo(200);
            long cost = JSON.readTree(answered.body())
                    .path("aios")
                    .path("cost_micros")
                    .asLong();
            JsonNode after = JSON.readTree(readAsOrchestrator(project).body());
            assertThat(after.path("spentMicros").asLong()).isEqualTo(cost).isPositive();
            assertThat(after.path("reservedMicros").asLong()).isZero();
            assertThat(after.path("leftMicros").asLong()).isEqualTo(BUDGET - cost);
        }

        @Test
        void anUnknownProjectIsA404Problem() throws Exception {
            // when
            HttpResponse<String> response = readAsOrchestrator("never-metered-" + UUID.randomUUID());

            // then
            thenAProblem(response, 404, "unknown-project");
            assertThat(response.body()).contains("no call of it has been metered");
        }

        @Test
        void anOverlongProjectIdIsA400Problem() throws Exception {
            HttpResponse<String> response = readAsOrchestrator("p".repeat(201));

            thenAProblem(response, 400, "invalid-project-id");
        }
    }

    @Nested
    class TheOrchestratorReadsNothingElse {
        @Test
        void itsTokenCallsNoModelAndTheProviderIsNotAsked() throws Exception {
            // given the orchestrator's token, which is on every replica that serves people
            int providerCallsBefore = openAi.calls();
            HttpRequest chat = HttpRequest.newBuilder(router.baseUrl().resolve("/v1/chat/completions"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + ORCHESTRATOR.value())
                    .header(RouterHeaders.PROJECT_ID, "spend-" + UUID.randomUUID())
                    .header(RouterHeaders.BUDGET_LIMIT_MICROS, Long.toString(BUDGET))
                    .POST(
                            HttpRequest.BodyPublishers.ofString(
                                    "{\"model\":\"auto\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build();

            // when it asks for a completion
            HttpResponse<String> response = HTTP.send(chat, HttpResponse.BodyHandlers.ofString());

            // then it is refused before any provider is called (aios.router.budget-only)
            thenAProblem(response, 403, "forbidden");
            assertThat(openAi.calls()).isEqualTo(providerCallsBefore);
        }
    }

    @Nested
    class NobodyElseReads {
        @Test
        void anAnonymousCallerIsA401() throws Exception {
            HttpResponse<String> response = read("any", null);

            thenAProblem(response, 401, "unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }

        @Test
        void aPersonsTokenIsA401() throws Exception {
            // given: a JWT as the orchestrator's people present it, which is no AIOS service's router token
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String jwt = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                    + "."
                    + base64.encodeToString("{\"sub\":\"ada\",\"roles\":[\"admin\"],\"tenant\":\"default\"}"
                            .getBytes(StandardCharsets.UTF_8))
                    + "." + base64.encodeToString(new byte[256]);

            // when
            HttpResponse<String> response = read("any", "Bearer " + jwt);

            // then
            thenAProblem(response, 401, "unauthenticated");
            assertThat(response.body()).contains("matches no AIOS service");
        }

        @Test
        void anAgentServiceIsA403() throws Exception {
            // when: the backend agent, which may call models, asks for a project's budget
            HttpResponse<String> response = read("any", "Bearer " + RouterInstance.CALLER.value());

            // then
            thenAProblem(response, 403, "forbidden");
            assertThat(response.body()).contains("/v1/budgets/any");
        }
    }
}
