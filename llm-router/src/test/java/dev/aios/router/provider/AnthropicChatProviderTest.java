package dev.aios.router.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.fake.FakeProviderServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicChatProviderTest {
    private final FakeProviderServer server = FakeProviderServer.anthropic();
    private final AnthropicChatProvider provider = new AnthropicChatProvider(
            Fixtures.endpoint("claude", "anthropic", server.baseUrl(), Duration.ofSeconds(5)), Fixtures.HTTP);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheSystemPromptTopLevelAndReadsTextBlocksAndUsage() {
        // given
        server.then(FakeProviderServer.ok("bonjour", 20, 4));

        // when
        ProviderReply reply = provider.chat(Fixtures.request("hi"), TokenSink.NONE);

        // then
        assertThat(reply)
                .isEqualTo(new ProviderReply(
                        "bonjour", "claude", "anthropic", "model-claude", new TokenUsage(20, 4), false, false, false));
        FakeProviderServer.Received sent = server.received().getFirst();
        assertThat(sent.headers().get("X-api-key")).containsExactly("sk-test-secret");
        assertThat(sent.headers().get("Anthropic-version")).containsExactly(AnthropicChatProvider.API_VERSION);
        assertThat(sent.body()).contains("\"system\":\"be brief\"").doesNotContain("\"role\":\"system\"");
    }

    @Test
    void streamsTextDeltasAndTakesUsageFromMessageStartAndMessageDelta() {
        // given
        server.then(FakeProviderServer.ok("a b c", 9, 3));
        List<String> tokens = new ArrayList<>();

        // when
        ProviderReply reply = provider.chat(Fixtures.streaming("letters"), tokens::add);

        // then
        assertThat(tokens).containsExactly("a ", "b ", "c");
        assertThat(reply.content()).isEqualTo("a b c");
        assertThat(reply.tokens().inputTokens()).isEqualTo(9);
        assertThat(reply.tokens().outputTokens()).isEqualTo(3);
    }

    @Test
    void streamsTextThenToolUseBlocksAsNumberedToolCallDeltasAndAToolWithoutInputAsAnEmptyObject() {
        // given: Anthropic numbers the text block 0 and the tool blocks 1 and 2; OpenAI numbers the tool calls 0 and 1
        server.then(FakeProviderServer.toolCalls(
                "Checking.",
                List.of(
                        new ToolCall("toolu_a", "get_weather", "{\"city\":\"Oslo\"}"),
                        new ToolCall("toolu_b", "get_time", "")),
                9,
                3));
        List<ToolCallDelta> deltas = new ArrayList<>();
        List<String> text = new ArrayList<>();

        // when
        ProviderReply reply = provider.chat(Fixtures.streaming("weather and time"), new TokenSink() {
            @Override
            public void accept(String token) {
                text.add(token);
            }

            @Override
            public void acceptToolCall(ToolCallDelta delta) {
                deltas.add(delta);
            }
        });

        // then
        assertThat(String.join("", text)).isEqualTo("Checking.");
        assertThat(deltas)
                .containsExactly(
                        new ToolCallDelta(0, "toolu_a", "get_weather", ""),
                        new ToolCallDelta(0, "", "", "{\"city\""),
                        new ToolCallDelta(0, "", "", ":\"Oslo\""),
                        new ToolCallDelta(0, "", "", "}"),
                        new ToolCallDelta(1, "toolu_b", "get_time", ""),
                        new ToolCallDelta(1, "", "", "{}"));
        assertThat(reply.toolCalls())
                .containsExactly(
                        new ToolCall("toolu_a", "get_weather", "{\"city\":\"Oslo\"}"),
                        new ToolCall("toolu_b", "get_time", "{}"));
        assertThat(reply.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void reportsAnAnswerCutByMaxTokensAsFinishReasonLength() {
        // given
        server.then(FakeProviderServer.raw(
                200,
                "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"The answer is\"}],\"stop_reason\":\"max_tokens\","
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"output_tokens\":3}}"));

        // when
        ProviderReply reply = provider.chat(Fixtures.request("long"), TokenSink.NONE);

        // then
        assertThat(reply.content()).isEqualTo("The answer is");
        assertThat(reply.finishReason()).isEqualTo("length");
    }

    @Test
    void mapsOverloaded529ToProviderUnavailable() {
        server.then(FakeProviderServer.error(529));

        assertThatThrownBy(() -> provider.chat(Fixtures.request("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PROVIDER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("overloaded_error");
                });
    }

    @Test
    void mapsAuthenticationErrorToUnauthorized() {
        server.then(FakeProviderServer.error(401));

        assertThatThrownBy(() -> provider.chat(Fixtures.streaming("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
    }

    @Test
    void mapsRateLimitWithRetryAfter() {
        server.then(FakeProviderServer.error(429, Map.of("retry-after", "4")));

        assertThatThrownBy(() -> provider.chat(Fixtures.request("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
                });
    }

    @Test
    void treatsAMidStreamErrorEventAsAProviderFailure() {
        server.then(FakeProviderServer.raw(
                200,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":"
                        + "{\"input_tokens\":3}}}\n\nevent: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"}}\n\n"));

        assertThatThrownBy(() -> provider.chat(Fixtures.streaming("hi"), TokenSink.NONE))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PROVIDER_UNAVAILABLE));
    }
}
