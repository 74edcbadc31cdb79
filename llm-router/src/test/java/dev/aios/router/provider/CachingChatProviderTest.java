package dev.aios.router.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolChoice;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class CachingChatProviderTest {
    private final MapCache cache = new MapCache();
    private final CountingProvider provider = new CountingProvider();
    private final CachingChatProvider caching = new CachingChatProvider(provider, cache, "model-x");

    @Test
    void answersARepeatedDeterministicRequestFromTheCache() {
        // given
        caching.chat(Fixtures.request("same question"), TokenSink.NONE);

        // when
        ProviderReply second = caching.chat(Fixtures.request("  same question \n"), TokenSink.NONE);

        // then
        assertThat(provider.calls).isEqualTo(1);
        assertThat(second.cached()).isTrue();
        assertThat(second.content()).isEqualTo("answer 1");
    }

    @Test
    void keysCallsByTheirToolsToolCallsAndToolResultsToo() {
        // given
        ToolCall call = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
        Tools offered = new Tools(List.of(new ToolDefinition("get_weather", "", "")), Optional.empty());
        List<ChatMessage> asked = List.of(ChatMessage.user("weather?"));
        List<ChatMessage> answered = List.of(
                ChatMessage.user("weather?"),
                ChatMessage.assistant("", List.of(call)),
                ChatMessage.tool("call_1", "18"));
        List<ProviderRequest> requests = List.of(
                new ProviderRequest(asked, 0, 10, false, CallMetadata.none()),
                new ProviderRequest(asked, 0, 10, false, CallMetadata.none(), offered),
                new ProviderRequest(
                        asked,
                        0,
                        10,
                        false,
                        CallMetadata.none(),
                        new Tools(offered.definitions(), Optional.of(ToolChoice.of(ToolChoice.Mode.REQUIRED)))),
                new ProviderRequest(answered, 0, 10, false, CallMetadata.none(), offered),
                new ProviderRequest(
                        List.of(answered.get(0), answered.get(1), ChatMessage.tool("call_1", "25")),
                        0,
                        10,
                        false,
                        CallMetadata.none(),
                        offered));

        // when / then
        assertThat(requests.stream()
                        .map(r -> CachingChatProvider.key("model-x", r))
                        .toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void replaysACachedToolCallToAStreamAsAToolCallDelta() {
        // given
        ToolCall call = new ToolCall("call_1", "get_weather", "{}");
        cache.put(
                CachingChatProvider.key("model-x", Fixtures.streaming("weather?")),
                new ProviderReply(
                        "",
                        "gpt",
                        "openai",
                        "model-x",
                        new TokenUsage(5, 3),
                        false,
                        false,
                        false,
                        java.util.OptionalLong.empty(),
                        List.of(call),
                        "tool_calls"));
        List<Object> streamed = new ArrayList<>();

        // when
        ProviderReply hit = caching.chat(Fixtures.streaming("weather?"), new TokenSink() {
            @Override
            public void accept(String token) {
                streamed.add(token);
            }

            @Override
            public void acceptToolCall(ToolCallDelta delta) {
                streamed.add(delta);
            }
        });

        // then
        assertThat(provider.calls).isZero();
        assertThat(hit.toolCalls()).containsExactly(call);
        assertThat(hit.finishReason()).isEqualTo("tool_calls");
        assertThat(streamed).containsExactly(new ToolCallDelta(0, "call_1", "get_weather", "{}"));
    }

    @Test
    void neverCachesWhenTemperatureIsAboveZero() {
        ProviderRequest warm = new ProviderRequest(List.of(ChatMessage.user("q")), 0.7, 10, false, CallMetadata.none());

        caching.chat(warm, TokenSink.NONE);
        ProviderReply second = caching.chat(warm, TokenSink.NONE);

        assertThat(provider.calls).isEqualTo(2);
        assertThat(second.cached()).isFalse();
        assertThat(cache.entries).isEmpty();
    }

    @Test
    void storesAStreamedAnswerOnlyOnceCompleteAndReplaysItAsOneChunk() {
        // given
        caching.chat(Fixtures.streaming("stream me"), TokenSink.NONE);
        List<String> tokens = new ArrayList<>();

        // when
        ProviderReply replay = caching.chat(Fixtures.streaming("stream me"), tokens::add);

        // then
        assertThat(provider.calls).isEqualTo(1);
        assertThat(replay.cached()).isTrue();
        assertThat(tokens).containsExactly("answer 1");
    }

    @Test
    void keysDifferByModelAndByMessages() {
        ProviderRequest a = Fixtures.request("a");

        assertThat(CachingChatProvider.key("m1", a)).isNotEqualTo(CachingChatProvider.key("m2", a));
        assertThat(CachingChatProvider.key("m1", a)).isNotEqualTo(CachingChatProvider.key("m1", Fixtures.request("b")));
        assertThat(CachingChatProvider.key("m1", a)).isEqualTo(CachingChatProvider.key("m1", Fixtures.request("a ")));
    }

    static final class MapCache implements ResponseCache {
        final Map<String, ProviderReply> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<ProviderReply> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, ProviderReply reply) {
            entries.put(key, reply);
        }
    }

    static final class CountingProvider implements ChatProvider {
        int calls;

        @Override
        public ProviderReply chat(ProviderRequest request, TokenSink sink) {
            calls++;
            String answer = "answer " + calls;
            sink.accept(answer);
            return new ProviderReply(answer, "gpt", "openai", "model-x", new TokenUsage(5, 2), false, false, false);
        }
    }
}
