package dev.aios.router.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.LlmRouterApplication;
import dev.aios.router.client.BriefDigest;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.client.RouterToken;
import dev.aios.router.fake.FakeProviderServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The router over real HTTP: a run against a live (fake, wire-true) model is recorded, a router with no provider
 * replays it, and a router with neither a model nor a recording is not ready and says why.
 */
class CassetteRoundTripIT {
    static final FakeProviderServer MODEL = FakeProviderServer.openAi();
    static final String BRIEF = "Build a URL shortener in Python with tests, standard library only.";

    @TempDir
    Path dir;

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    /** The one service these tests call the router as. */
    static final RouterToken TOKEN = RouterToken.generate();

    static ConfigurableApplicationContext router(Map<String, Object> properties) {
        Map<String, Object> p = new LinkedHashMap<>(properties);
        p.put("server.port", 0);
        p.put("server.address", "127.0.0.1");
        p.put("aios.router.tiers.gpt.api-key", "");
        p.put("aios.router.tiers.claude.api-key", "");
        p.putIfAbsent("aios.router.tiers.local.base-url", "");
        p.put("aios.router.cache.enabled", false);
        p.put("aios.router.clients.agents-backend.token-sha256", TOKEN.sha256Hex());
        // these tests are about the answers, not the broker or Redis
        p.put(
                "spring.autoconfigure.exclude",
                "dev.aios.agent.messaging.MessagingAutoConfiguration,"
                        + "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration");
        // as command-line arguments: they must win over application.yml, which default properties would not
        return new SpringApplicationBuilder(LlmRouterApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(p.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    static HttpLlmClient client(ConfigurableApplicationContext router) {
        return new HttpLlmClient(
                URI.create("http://127.0.0.1:" + router.getEnvironment().getProperty("local.server.port")),
                TOKEN,
                Duration.ofSeconds(10));
    }

    static LlmRequest call(String brief, String prompt, String text) {
        return new LlmRequest(
                List.of(ChatMessage.system("You are the backend."), ChatMessage.user(text)),
                0.2,
                2000,
                new CallMetadata(
                        "project-1",
                        "T1",
                        "backend",
                        "code",
                        "medium",
                        3,
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        BriefDigest.of(brief),
                        prompt));
    }

    @Test
    void aRecordedRunReplaysWithNoProviderAndRefusesWhatItDoesNotHold() throws Exception {
        // given a router whose local tier is a live OpenAI-compatible server, recording
        Path cassette = dir.resolve("run.cassette.json");
        MODEL.always(FakeProviderServer.ok("def shorten(url): ...", 120, 30));
        LlmResponse live;
        try (ConfigurableApplicationContext recording = router(Map.of(
                "aios.router.tiers.local.base-url", MODEL.baseUrl().toString(),
                "aios.router.tiers.local.price-input-per-million", "1.00",
                "aios.router.tiers.local.price-output-per-million", "2.00",
                "aios.router.cassettes.record", cassette.toString(),
                "aios.router.cassettes.label", "round trip"))) {
            live = client(recording).chat(call(BRIEF, "backend-v1", "write the store"));
        }
        int modelCalls = MODEL.calls();

        // then the exchange is in the file
        Cassette recorded = CassetteFile.parse(cassette.toString(), Files.readString(cassette));
        assertThat(recorded.label()).isEqualTo("round trip");
        assertThat(recorded.recordedWith()).contains("local=openai-compatible");
        assertThat(recorded.exchanges()).singleElement().satisfies(e -> {
            assertThat(e.role()).isEqualTo("backend");
            assertThat(e.taskId()).isEqualTo("T1");
            assertThat(e.promptVersion()).isEqualTo("backend-v1");
            assertThat(e.briefDigest()).isEqualTo(BriefDigest.of(BRIEF));
            assertThat(e.response()).isEqualTo("def shorten(url): ...");
            assertThat(e.costMicros()).isEqualTo(live.costMicros()).isEqualTo(180);
        });

        // when a router with no provider replays it
        try (ConfigurableApplicationContext replaying =
                router(Map.of("aios.router.cassettes.replay", cassette.toString()))) {
            HttpLlmClient client = client(replaying);
            LlmResponse replayed = client.chat(call(BRIEF, "backend-v1", "write the store"));

            // then the same answer, marked as replayed, with its recorded cost, and no model was called
            assertThat(replayed.content()).isEqualTo(live.content());
            assertThat(replayed.scripted()).isTrue();
            assertThat(replayed.provider()).isEqualTo("replay");
            assertThat(replayed.costMicros()).isEqualTo(180);
            assertThat(MODEL.calls()).isEqualTo(modelCalls);

            // and a call of another brief, or a diverging one, is refused as NOT_RECORDED with its reason
            assertThatThrownBy(() -> client.chat(call(
                            "Build a CSV to JSON converter command line tool, with tests.",
                            "backend-v1",
                            "write the store")))
                    .isInstanceOfSatisfying(
                            LlmCallException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmCallException.Kind.NOT_RECORDED))
                    .hasMessageContaining("no recording is of this brief");
            assertThatThrownBy(() -> client.chat(call(BRIEF, "backend-v1", "write the store, but in Rust")))
                    .hasMessageContaining("diverged at backend/T1 (backend-v1)");
        }
    }

    @Test
    void aRouterWithNoModelAndNoRecordingIsNotReadyAndSaysWhy() throws Exception {
        try (ConfigurableApplicationContext router = router(Map.of())) {
            String base = "http://127.0.0.1:" + router.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> readiness = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(503);

            assertThatThrownBy(() -> client(router).chat(call(BRIEF, "backend-v1", "write the store")))
                    .isInstanceOfSatisfying(
                            LlmCallException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmCallException.Kind.PROVIDER_UNAVAILABLE))
                    .hasMessageContaining("no model is configured and no recording is replayed");
        }
    }
}
