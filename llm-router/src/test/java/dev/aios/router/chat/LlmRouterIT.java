package dev.aios.router.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.LlmCallCompleted;
import dev.aios.router.LlmRouterApplication;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.RouterHeaders;
import dev.aios.router.client.RouterToken;
import dev.aios.router.fake.FakeProviderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service end to end over real HTTP, against local OpenAI and Anthropic wire fakes and the real Redis. */
@ExtendWith(LlmRouterIT.DropVhostAfterContext.class)
@SpringBootTest(classes = LlmRouterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LlmRouterIT {
    static final FakeProviderServer OPENAI = FakeProviderServer.openAi();
    static final FakeProviderServer ANTHROPIC = FakeProviderServer.anthropic();
    static final AiosTestInfrastructure INFRA = AiosTestInfrastructure.get();
    static final AiosTestInfrastructure.TemporaryVhost VHOST = INFRA.createVhost();
    static final AiosTestInfrastructure.TemporaryRedisPrefix CACHE = INFRA.createRedisPrefix();
    static final String CACHE_PREFIX = CACHE.prefix();
    /** The service these tests call as; the router holds only its digest. */
    static final RouterToken BACKEND = RouterToken.generate();

    @DynamicPropertySource
    static void tiers(DynamicPropertyRegistry registry) {
        registry.add("aios.router.tiers.gpt.base-url", () -> OPENAI.baseUrl().toString());
        registry.add("aios.router.tiers.gpt.api-key", () -> "sk-it");
        registry.add(
                "aios.router.tiers.claude.base-url", () -> ANTHROPIC.baseUrl().toString());
        registry.add("aios.router.tiers.claude.api-key", () -> "sk-ant-it");
        registry.add("aios.router.tiers.local.base-url", () -> "");
        registry.add("aios.router.cache.key-prefix", () -> CACHE_PREFIX);
        registry.add("aios.router.resilience.initial-backoff", () -> "10ms");
        registry.add("aios.router.resilience.max-backoff", () -> "50ms");
        registry.add("server.port", () -> "0");
        registry.add("aios.router.clients.agents-backend.token-sha256", BACKEND::sha256Hex);
        registry.add("spring.rabbitmq.host", () -> INFRA.rabbit().host());
        registry.add("spring.rabbitmq.port", () -> INFRA.rabbit().port());
        registry.add("spring.rabbitmq.username", () -> INFRA.rabbit().username());
        registry.add("spring.rabbitmq.password", () -> INFRA.rabbit().password());
        registry.add("spring.rabbitmq.virtual-host", VHOST::name);
        registry.add("spring.data.redis.host", () -> INFRA.redis().host());
        registry.add("spring.data.redis.port", () -> INFRA.redis().port());
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void cleanUp() {
        CACHE.close();
        OPENAI.close();
        ANTHROPIC.close();
    }

    /**
     * Declared before {@code @SpringBootTest}, so its afterAll runs after Spring closed the (dirtied) context: no
     * router connection is left on the vhost when it is dropped. Nested classes inherit it; only the outer one drops.
     */
    static final class DropVhostAfterContext implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            if (context.getRequiredTestClass() == LlmRouterIT.class) {
                VHOST.close();
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpLlmClient client() {
        return new HttpLlmClient(uri("/"), BACKEND, Duration.ofSeconds(10));
    }

    private static CallMetadata who(Optional<String> tier, Optional<Long> budget) {
        return new CallMetadata("proj-it", "T1", "backend", "code", "medium", 3, 2, tier, budget);
    }

    /** A call as the backend agent makes it (its token), with extra headers. */
    private HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws Exception {
        String[] authenticated = java.util.Arrays.copyOf(headers, headers.length + 2);
        authenticated[headers.length] = "Authorization";
        authenticated[headers.length + 1] = "Bearer " + BACKEND.value();
        return postAs(path, contentType, body, authenticated);
    }

    private HttpResponse<String> postAs(String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersThroughTheHttpClientWithCostAndRoutingFacts() {
        // given
        OPENAI.then(FakeProviderServer.ok("hello from gpt", 812, 640));

        // when
        LlmResponse response = client().chat(new LlmRequest(
                List.of(ChatMessage.user("say hello " + UUID.randomUUID())),
                0.3,
                700,
                who(Optional.of("gpt"), Optional.of(5_000_000L))));

        // then: 812 × 0.40 + 640 × 1.60 = 1348.8 → 1349
        assertThat(response.content()).isEqualTo("hello from gpt");
        assertThat(response.tier()).isEqualTo("gpt");
        assertThat(response.provider()).isEqualTo("openai");
        assertThat(response.costMicros()).isEqualTo(1349);
        assertThat(response.tokens().inputTokens()).isEqualTo(812);
        assertThat(response.scripted()).isFalse();
        assertThat(response.cached()).isFalse();
    }

    @Test
    void publishesLlmCallCompletedOnTheRealBroker() throws Exception {
        // given: a queue bound to the router's usage events in this test's own vhost
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(INFRA.rabbit().host());
        factory.setPort(INFRA.rabbit().port());
        factory.setUsername(INFRA.rabbit().username());
        factory.setPassword(INFRA.rabbit().password());
        factory.setVirtualHost(VHOST.name());
        try (Connection connection = factory.newConnection("llm-router-it");
                Channel channel = connection.createChannel()) {
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "aios.events", "llm.call_completed");
            String project = "proj-" + UUID.randomUUID();
            OPENAI.then(FakeProviderServer.ok("counted", 1000, 500));

            // when
            client().chat(new LlmRequest(
                    List.of(ChatMessage.user("count me " + UUID.randomUUID())),
                    0.4,
                    600,
                    new CallMetadata(project, "T7", "qa", "test", "", 1, 1, Optional.of("gpt"), Optional.empty())));

            // then: 1000 × 0.40 + 500 × 1.60 = 1200 micro-dollars
            GetResponse message = Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> channel.basicGet(queue, true), m -> m != null);
            LlmCallCompleted event = LlmCallCompleted.parseFrom(
                    Envelope.parseFrom(message.getBody()).getPayload());
            assertThat(event.getProjectId()).isEqualTo(project);
            assertThat(event.getTaskId()).isEqualTo("T7");
            assertThat(event.getTier()).isEqualTo("gpt");
            assertThat(event.getCostMicros()).isEqualTo(1200);
            assertThat(event.getInputTokens()).isEqualTo(1000);
            assertThat(event.getScripted()).isFalse();
        }
    }

    @Test
    void answersARepeatedDeterministicRequestFromRedis() {
        // given
        String prompt = "cache me " + UUID.randomUUID();
        OPENAI.then(FakeProviderServer.ok("cached answer", 10, 10));
        LlmRequest request =
                new LlmRequest(List.of(ChatMessage.user(prompt)), 0.0, 50, who(Optional.of("gpt"), Optional.empty()));
        LlmResponse first = client().chat(request);
        int callsAfterFirst = OPENAI.calls();

        // when
        LlmResponse second = client().chat(request);

        // then
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.content()).isEqualTo("cached answer");
        assertThat(second.costMicros()).isZero();
        assertThat(OPENAI.calls()).isEqualTo(callsAfterFirst);
        assertThat(redis.keys(CACHE_PREFIX + "*")).isNotEmpty();
    }

    @Test
    void streamsOpenAiCompatibleChunksFromAnthropicWhenTheTierIsOverridden() throws Exception {
        // given
        ANTHROPIC.then(FakeProviderServer.ok("one two three", 5, 3));

        // when
        HttpResponse<String> response = post(
                "/v1/chat/completions",
                "application/json",
                "{\"model\":\"auto\",\"stream\":true,\"temperature\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\"count "
                        + UUID.randomUUID() + "\"}]}",
                RouterHeaders.TIER_OVERRIDE,
                "claude");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        List<String> data = response.body()
                .lines()
                .filter(l -> l.startsWith("data:"))
                .map(l -> l.substring(5).trim())
                .toList();
        assertThat(data).hasSizeGreaterThanOrEqualTo(5);
        assertThat(data.get(0)).contains("\"delta\":{\"content\":\"one \"}");
        assertThat(data.get(data.size() - 2))
                .contains(
                        "\"finish_reason\":\"stop\"",
                        "\"tier\":\"claude\"",
                        "\"overridden\":true",
                        "\"completion_tokens\":3");
        assertThat(data.getLast()).isEqualTo("[DONE]");
    }

    @Test
    void endsAStreamThatFailedAfterItsFirstTokensWithAnErrorEventAndNoRetry() throws Exception {
        // given: Anthropic sends one text delta, then an overloaded error in the middle of the stream
        int before = ANTHROPIC.calls();
        ANTHROPIC.then(FakeProviderServer.raw(
                200,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":"
                        + "{\"input_tokens\":3}}}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"partial \"}}\n\nevent: error\ndata: {\"type\":\"error\","
                        + "\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"));

        // when
        HttpResponse<String> response = post(
                "/v1/chat/completions",
                "application/json",
                "{\"stream\":true,\"temperature\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\"go "
                        + UUID.randomUUID() + "\"}]}",
                RouterHeaders.TIER_OVERRIDE,
                "claude");

        // then: the caller got the partial text, then one error event; a retry would have repeated the text
        List<String> data = response.body()
                .lines()
                .filter(l -> l.startsWith("data:"))
                .map(l -> l.substring(5).trim())
                .toList();
        assertThat(data.getFirst()).contains("partial ");
        assertThat(data.getLast()).contains("\"error\"", "\"kind\":\"PROVIDER_UNAVAILABLE\"", "overloaded_error");
        assertThat(ANTHROPIC.calls()).isEqualTo(before + 1);
    }

    @Test
    void countsCallsAndCostInMetrics() {
        // given
        OPENAI.then(FakeProviderServer.ok("metered", 100, 100));
        double before = meters.counter("aios.router.cost.micros", "tier", "gpt").count();

        // when
        client().chat(new LlmRequest(
                List.of(ChatMessage.user("meter me " + UUID.randomUUID())),
                0.9,
                200,
                who(Optional.of("gpt"), Optional.empty())));

        // then: 100 × 0.40 + 100 × 1.60 = 200 micro-dollars
        assertThat(meters.counter("aios.router.cost.micros", "tier", "gpt").count() - before)
                .isEqualTo(200.0);
        assertThat(meters.find("aios.router.provider.calls")
                        .tag("tier", "gpt")
                        .tag("outcome", "success")
                        .timer())
                .isNotNull();
    }

    @Test
    void neverRetriesAProvider401AndReportsItAsUnauthorized() {
        // given
        OPENAI.then(FakeProviderServer.error(401));
        int before = OPENAI.calls();

        // then
        assertThatThrownBy(() -> client().chat(new LlmRequest(
                        List.of(ChatMessage.user("x " + UUID.randomUUID())),
                        0.2,
                        10,
                        who(Optional.of("gpt"), Optional.empty()))))
                .isInstanceOfSatisfying(
                        LlmCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
        assertThat(OPENAI.calls()).isEqualTo(before + 1);
    }

    @Test
    void explainsTheDecisionWithoutCallingAModel() throws Exception {
        int before = OPENAI.calls() + ANTHROPIC.calls();

        HttpResponse<String> response = post(
                "/api/v1/route/explain",
                "application/json",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"design the schema\"}]}",
                RouterHeaders.ROLE,
                "cto");

        // then: the CTO's floor is gpt; local has no URL here, so it is reported and never in a chain
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .containsPattern("\"tier\":\"(gpt|claude)\"")
                .contains(
                        "\"score\":",
                        "\"features\":{\"",
                        "\"reason\":\"score ",
                        "\"local\":\"unavailable: no base URL configured\"")
                .doesNotContain("\"chain\":[\"local");
        assertThat(OPENAI.calls() + ANTHROPIC.calls()).isEqualTo(before);
    }

    @Test
    void reportsLivenessAndReadiness() throws Exception {
        HttpResponse<String> live = http.send(
                HttpRequest.newBuilder(uri("/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ready = http.send(
                HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    @Nested
    class OnlyAiosServicesMayCall {
        private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"who are you\"}]}";

        private void thenRefusedBeforeAnyProvider(
                HttpResponse<String> response, int providerCallsBefore, String detail) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.body())
                    .contains(
                            "\"type\":\"https://aios.dev/problems/unauthenticated\"",
                            "\"status\":401",
                            "\"kind\":\"UNAUTHORIZED\"",
                            "\"retriable\":false",
                            "\"instance\":\"/v1/chat/completions\"",
                            detail);
            assertThat(OPENAI.calls() + ANTHROPIC.calls()).isEqualTo(providerCallsBefore);
        }

        @Test
        void anAnonymousCallIsA401ProblemAndReachesNoProvider() throws Exception {
            // given
            int before = OPENAI.calls() + ANTHROPIC.calls();

            // when nobody says who they are
            HttpResponse<String> response =
                    postAs("/v1/chat/completions", "application/json", CHAT, RouterHeaders.TIER_OVERRIDE, "gpt");

            // then
            thenRefusedBeforeAnyProvider(response, before, "send 'Authorization: Bearer <token>'");
        }

        @Test
        void aWrongTokenIsA401AndReachesNoProvider() throws Exception {
            int before = OPENAI.calls() + ANTHROPIC.calls();

            HttpResponse<String> response = postAs(
                    "/v1/chat/completions",
                    "application/json",
                    CHAT,
                    "Authorization",
                    "Bearer " + RouterToken.generate().value());

            thenRefusedBeforeAnyProvider(response, before, "matches no AIOS service");
        }

        @Test
        void aNonBearerAuthorizationIsA401() throws Exception {
            int before = OPENAI.calls() + ANTHROPIC.calls();

            HttpResponse<String> response =
                    postAs("/v1/chat/completions", "application/json", CHAT, "Authorization", "Basic YWRtaW46YWRtaW4=");

            thenRefusedBeforeAnyProvider(response, before, "not 'Bearer <token>'");
        }

        @Test
        void theServicesTokenIsAnsweredAndTheCallerIsCounted() throws Exception {
            // given
            OPENAI.then(FakeProviderServer.ok("hello, backend", 5, 5));
            double before = meters.counter(
                            "aios.router.callers", "service", "agents-backend", "outcome", "authenticated")
                    .count();

            // when
            HttpResponse<String> response = post(
                    "/v1/chat/completions",
                    "application/json",
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"hi " + UUID.randomUUID()
                            + "\"}],\"temperature\":0.9}",
                    RouterHeaders.TIER_OVERRIDE,
                    "gpt");

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("hello, backend");
            assertThat(meters.counter("aios.router.callers", "service", "agents-backend", "outcome", "authenticated")
                            .count())
                    .isEqualTo(before + 1);
        }

        @Test
        void theExplainEndpointAndMetricsNeedAServiceToo() throws Exception {
            HttpResponse<String> explain = postAs("/api/v1/route/explain", "application/json", CHAT);
            HttpResponse<String> prometheus = http.send(
                    HttpRequest.newBuilder(uri("/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(explain.statusCode()).isEqualTo(401);
            assertThat(prometheus.statusCode()).isEqualTo(401);
            assertThat(prometheus.body()).contains("\"status\":401");
        }

        @Test
        void healthProbesStayAnonymous() throws Exception {
            for (String probe :
                    List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                HttpResponse<String> response =
                        http.send(HttpRequest.newBuilder(uri(probe)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(probe).isEqualTo(200);
                assertThat(response.body()).as(probe).contains("UP");
            }
        }
    }

    @Nested
    class BadInputIsAProblemDetailAndReachesNoProvider {
        private int before;

        private void given() {
            before = OPENAI.calls() + ANTHROPIC.calls();
        }

        private void thenNoProviderWasCalled(HttpResponse<String> response, int status, String detail) {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
            assertThat(response.body()).contains("\"status\":" + status, detail);
            assertThat(OPENAI.calls() + ANTHROPIC.calls()).isEqualTo(before);
        }

        @Test
        void nonJsonBody() throws Exception {
            given();
            thenNoProviderWasCalled(post("/v1/chat/completions", "application/json", "hello?"), 400, "not JSON");
        }

        @Test
        void wrongContentType() throws Exception {
            given();
            thenNoProviderWasCalled(post("/v1/chat/completions", "text/plain", "{\"messages\":[]}"), 415, "text/plain");
        }

        @Test
        void unknownTier() throws Exception {
            given();
            thenNoProviderWasCalled(
                    post(
                            "/v1/chat/completions",
                            "application/json",
                            "{\"model\":\"gpt-5-turbo\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                    400,
                    "unknown tier");
        }

        @Test
        void emptyMessages() throws Exception {
            given();
            thenNoProviderWasCalled(
                    post("/v1/chat/completions", "application/json", "{\"messages\":[]}"), 400, "at least one message");
        }

        @Test
        void overTheContextLimit() throws Exception {
            given();
            thenNoProviderWasCalled(
                    post(
                            "/v1/chat/completions",
                            "application/json",
                            "{\"max_tokens\":2000000,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                    400,
                    "context");
        }

        @Test
        void spentBudgetMapsBackToBudgetExhausted() {
            given();
            assertThatThrownBy(() -> client().chat(new LlmRequest(
                            List.of(ChatMessage.user("hi")), 0, 10, who(Optional.empty(), Optional.of(0L)))))
                    .isInstanceOfSatisfying(
                            LlmCallException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BUDGET_EXHAUSTED));
            assertThat(OPENAI.calls() + ANTHROPIC.calls()).isEqualTo(before);
        }
    }
}
