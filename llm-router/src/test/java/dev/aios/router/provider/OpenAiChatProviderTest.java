package dev.aios.router.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.fake.FakeProviderServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiChatProviderTest {
    private final FakeProviderServer server = FakeProviderServer.openAi();
    private final OpenAiChatProvider provider = new OpenAiChatProvider(
            Fixtures.endpoint("gpt", "openai", server.baseUrl(), Duration.ofSeconds(5)), Fixtures.HTTP);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersWithContentUsageAndWhoServedIt() {
        // given
        server.then(FakeProviderServer.ok("hello there", 12, 3));

        // when
        ProviderReply reply = provider.chat(Fixtures.request("hi"), TokenSink.NONE);

        // then
        assertThat(reply)
                .isEqualTo(new ProviderReply(
                        "hello there", "gpt", "openai", "model-gpt", new TokenUsage(12, 3), false, false, false));
        FakeProviderServer.Received sent = server.received().getFirst();
        assertThat(sent.headers().get("Authorization")).containsExactly("Bearer sk-test-secret");
        assertThat(sent.body()).contains("\"model\":\"model-gpt\"", "\"role\":\"system\"", "\"max_tokens\":100");
    }

    @Test
    void streamsChunksInOrderAndKeepsUsageFromTheLastChunk() {
        // given
        server.then(FakeProviderServer.ok("one two three", 7, 3));
        List<String> tokens = new ArrayList<>();

        // when
        ProviderReply reply = provider.chat(Fixtures.streaming("count"), tokens::add);

        // then
        assertThat(tokens).containsExactly("one ", "two ", "three");
        assertThat(reply.content()).isEqualTo("one two three");
        assertThat(reply.tokens().inputTokens()).isEqualTo(7);
        assertThat(reply.tokens().outputTokens()).isEqualTo(3);
        assertThat(server.received().getFirst().body()).contains("\"include_usage\":true");
    }

    @Test
    void mapsA429WithRetryAfterToRateLimited() {
        server.then(FakeProviderServer.error(429, Map.of("Retry-After", "3")));

        assertThatThrownBy(() -> provider.chat(Fixtures.request("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                });
    }

    @Test
    void mapsA401ToUnauthorizedWithoutLeakingTheKey() {
        server.then(FakeProviderServer.error(401));

        assertThatThrownBy(() -> provider.chat(Fixtures.request("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("invalid_api_key").doesNotContain("sk-test-secret");
                });
    }

    @Test
    void mapsA500StreamingErrorToProviderUnavailable() {
        server.then(FakeProviderServer.error(500));

        assertThatThrownBy(() -> provider.chat(Fixtures.streaming("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROVIDER_UNAVAILABLE));
    }

    @Test
    void treatsAMalformedBodyAsARetriableProviderFailure() {
        server.then(FakeProviderServer.raw(200, "{\"choices\": [ {\"mess"));

        assertThatThrownBy(() -> provider.chat(Fixtures.request("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PROVIDER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("malformed");
                });
    }

    @Test
    void reportsContentFilteringAsNonRetriable() {
        server.then(
                FakeProviderServer.raw(
                        200,
                        "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                                + "\"finish_reason\":\"content_filter\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0}}"));

        assertThatThrownBy(() -> provider.chat(Fixtures.request("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONTENT_FILTERED));
    }

    @Test
    void timesOutWhenTheServerIsSlowerThanTheTierTimeout() {
        // given
        OpenAiChatProvider impatient = new OpenAiChatProvider(
                Fixtures.endpoint("gpt", "openai", server.baseUrl(), Duration.ofMillis(200)), Fixtures.HTTP);
        server.then(FakeProviderServer.slow(Duration.ofSeconds(2)));

        // then
        assertThatThrownBy(() -> impatient.chat(Fixtures.request("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }
}
