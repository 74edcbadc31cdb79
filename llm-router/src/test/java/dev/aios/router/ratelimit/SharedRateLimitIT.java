package dev.aios.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.fake.FakeProviderServer;
import dev.aios.router.fake.RouterInstance;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two router replicas (two Spring contexts) share one provider's rate limit through Redis: the provider never sees more
 * than the limit, whichever replica the calls reach, and a provider's {@code Retry-After} holds both off it.
 */
class SharedRateLimitIT {
    private static final AiosTestInfrastructure INFRA = AiosTestInfrastructure.get();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS_PER_MINUTE = 6;

    private final FakeProviderServer openAi = FakeProviderServer.openAi();
    private final AiosTestInfrastructure.TemporaryVhost vhost = INFRA.createVhost();
    private final AiosTestInfrastructure.TemporaryRedisPrefix prefix = INFRA.createRedisPrefix();
    private final List<RouterInstance> replicas = new ArrayList<>();

    @AfterEach
    void stop() {
        replicas.forEach(RouterInstance::close);
        prefix.close();
        vhost.close();
        openAi.close();
    }

    private RouterInstance replica() {
        RouterInstance router = RouterInstance.gptOnly(
                openAi.baseUrl(),
                INFRA,
                vhost,
                Map.of(
                        "aios.router.rate-limits.key-prefix",
                        prefix.prefix() + "ratelimit:",
                        "aios.router.rate-limits.max-wait",
                        "500ms",
                        "aios.router.rate-limits.providers.openai.requests-per-minute",
                        Integer.toString(REQUESTS_PER_MINUTE),
                        "aios.router.budget.key-prefix",
                        prefix.prefix() + "budget:",
                        "aios.router.resilience.initial-backoff",
                        "10ms",
                        "aios.router.resilience.max-backoff",
                        "50ms"));
        replicas.add(router);
        return router;
    }

    @Test
    void twoReplicasTogetherNeverSendTheProviderMoreThanItsLimit() throws Exception {
        // given: each replica alone would let six through
        RouterInstance a = replica();
        RouterInstance b = replica();

        // when: ten calls at once to each
        List<HttpResponse<String>> responses = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RouterInstance target = i % 2 == 0 ? a : b;
                String message = "m%02d".formatted(i);
                calls.add(callers.submit(() -> {
                    go.await();
                    return target.chat(message, 10, Map.of());
                }));
            }
            go.countDown();
            for (Future<HttpResponse<String>> call : calls) {
                responses.add(call.get());
            }
        }

        // then: the provider saw at most a full bucket plus what refilled while the test ran (one every ten seconds)
        List<Instant> seen = openAi.receivedAt();
        Duration span = seen.isEmpty() ? Duration.ZERO : Duration.between(seen.getFirst(), seen.getLast());
        long refilled = (span.toMillis() * REQUESTS_PER_MINUTE + 59_999) / 60_000;
        assertThat(seen.size()).isBetween(REQUESTS_PER_MINUTE, REQUESTS_PER_MINUTE + (int) refilled);
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).hasSize(seen.size());

        // and every other caller was refused with 429, a Retry-After header and the wait in the problem detail
        List<HttpResponse<String>> refused =
                responses.stream().filter(r -> r.statusCode() != 200).toList();
        assertThat(refused).hasSize(20 - seen.size()).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            long retryAfter =
                    Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 10L);
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("kind").asString()).isEqualTo("RATE_LIMITED");
            assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        });
    }

    @Test
    void aProvidersRetryAfterReachesTheCallerAndHoldsTheOtherReplicaOff() {
        // given: the provider asks for an hour's rest, far longer than a router may wait
        openAi.then(FakeProviderServer.error(429, Map.of("Retry-After", "3600")));
        RouterInstance a = replica();
        RouterInstance b = replica();
        LlmRequest request = new LlmRequest(List.of(ChatMessage.user("hi")), 0, 10, CallMetadata.none());

        // when: a call through replica a
        LlmCallException throughA = catchLlm(
                () -> new HttpLlmClient(a.baseUrl(), RouterInstance.CALLER, Duration.ofSeconds(10)).chat(request));

        // then: its caller learns the provider's wait instead of a capped one
        assertThat(throughA.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(throughA.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(59)));
        assertThat(openAi.calls()).isEqualTo(1);

        // and replica b sends the provider nothing until then
        LlmCallException throughB = catchLlm(
                () -> new HttpLlmClient(b.baseUrl(), RouterInstance.CALLER, Duration.ofSeconds(10)).chat(request));
        assertThat(throughB.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(throughB.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(59)));
        assertThat(openAi.calls()).isEqualTo(1);
    }

    private static LlmCallException catchLlm(Runnable call) {
        try {
            call.run();
        } catch (LlmCallException e) {
            return e;
        }
        throw new AssertionError("the call was expected to fail");
    }
}
