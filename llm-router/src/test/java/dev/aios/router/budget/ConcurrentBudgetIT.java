package dev.aios.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.router.client.RouterHeaders;
import dev.aios.router.fake.FakeProviderServer;
import dev.aios.router.fake.RouterInstance;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fifty calls at once against a project whose budget covers ten: the shared ledger lets exactly the ten that fit run
 * and refuses the rest with a problem detail, over real HTTP, with the ledger in the real Redis.
 */
class ConcurrentBudgetIT {
    private static final AiosTestInfrastructure INFRA = AiosTestInfrastructure.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // "q00".."q49" are about 5 prompt tokens; 1000 out on gpt-4.1-mini ($0.40 / $1.60 per million) may cost 2 + 1600
    private static final long WORST_CASE = 1_602;
    private static final long BUDGET = 10 * WORST_CASE;

    private static FakeProviderServer openAi;
    private static AiosTestInfrastructure.TemporaryVhost vhost;
    private static AiosTestInfrastructure.TemporaryRedisPrefix prefix;
    private static RouterInstance router;

    @BeforeAll
    static void start() {
        // every answer costs exactly its worst case and takes a while, so the fifty calls overlap
        openAi = FakeProviderServer.openAi()
                .always(new FakeProviderServer.Reply(200, "ok", 5, 1000, Map.of(), Duration.ofMillis(300), null));
        vhost = INFRA.createVhost();
        prefix = INFRA.createRedisPrefix();
        router = RouterInstance.gptOnly(
                openAi.baseUrl(),
                INFRA,
                vhost,
                Map.of(
                        "aios.router.deployment-mode", "true",
                        "aios.router.budget.key-prefix", prefix.prefix() + "budget:",
                        "aios.router.resilience.max-concurrent-calls", "64"));
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

    @Test
    void fiftyCallsAtOnceSpendNoMoreThanTheBudgetAndTheRestAreRefused() throws Exception {
        // given
        String project = "budget-it-" + UUID.randomUUID();
        Map<String, String> headers = Map.of(
                RouterHeaders.PROJECT_ID,
                project,
                RouterHeaders.TASK_ID,
                "T1",
                RouterHeaders.BUDGET_LIMIT_MICROS,
                Long.toString(BUDGET));
        int before = openAi.calls();

        // when: fifty calls released together
        List<HttpResponse<String>> responses = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String message = "q%02d".formatted(i);
                calls.add(callers.submit(() -> {
                    go.await();
                    return router.chat(message, 1000, headers);
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get());
            }
        }

        // then: ten answered, forty refused with a budget problem detail, none of which reached the provider
        List<HttpResponse<String>> answered =
                responses.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> refused =
                responses.stream().filter(r -> r.statusCode() != 200).toList();
        assertThat(answered).hasSize(10);
        assertThat(refused).hasSize(40).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(402);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("kind").asString()).isEqualTo("BUDGET_EXHAUSTED");
            assertThat(problem.path("title").asString()).isEqualTo("Budget exhausted");
            assertThat(problem.path("detail").asString()).contains(project, "of its " + BUDGET + " micro-dollars");
        });
        long spent = answered.stream()
                .mapToLong(r ->
                        JSON.readTree(r.body()).path("aios").path("cost_micros").asLong())
                .sum();
        assertThat(spent).isEqualTo(BUDGET);
        assertThat(openAi.calls() - before).isEqualTo(10);

        // and the ledger agrees: everything spent is charged, nothing is left held
        assertThat(ledger().balance(project)).isEqualTo(new Balance(BUDGET, BUDGET, 0));
    }

    @Test
    void aCallWithoutAProjectIsRefusedInDeploymentMode() {
        // when
        HttpResponse<String> response = router.chat("hi", 10, Map.of());

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo("Project required");
        assertThat(problem.path("kind").asString()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void aRaisedBudgetReachesTheLedgerWithTheNextCall() {
        // given: a project whose budget is spent
        String project = "raise-it-" + UUID.randomUUID();
        Map<String, String> small =
                Map.of(RouterHeaders.PROJECT_ID, project, RouterHeaders.BUDGET_LIMIT_MICROS, Long.toString(WORST_CASE));
        assertThat(router.chat("r01", 1000, small).statusCode()).isEqualTo(200);
        assertThat(router.chat("r02", 1000, small).statusCode()).isEqualTo(402);

        // when: the orchestrator raised it (POST .../budget) and the next task carries the new limit
        Map<String, String> raised = Map.of(
                RouterHeaders.PROJECT_ID, project, RouterHeaders.BUDGET_LIMIT_MICROS, Long.toString(2 * WORST_CASE));
        HttpResponse<String> response = router.chat("r03", 1000, raised);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ledger().balance(project)).isEqualTo(new Balance(2 * WORST_CASE, 2 * WORST_CASE, 0));
    }

    private static RedisBudgetLedger ledger() {
        return new RedisBudgetLedger(
                router.bean(StringRedisTemplate.class), prefix.prefix() + "budget:", Duration.ofMinutes(1));
    }
}
