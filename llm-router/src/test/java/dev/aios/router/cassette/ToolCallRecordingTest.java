package dev.aios.router.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.client.BriefDigest;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolChoice;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import dev.aios.router.provider.TokenSink;
import dev.aios.router.provider.ToolCallDelta;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool calls and tool results are part of which call a recording holds, and of what it answers. */
class ToolCallRecordingTest {
    static final CallMetadata WHO = new CallMetadata(
            "p-1",
            "T1",
            "backend",
            "code",
            "",
            3,
            0,
            Optional.empty(),
            Optional.empty(),
            BriefDigest.of("Build a weather bot."),
            "backend-v1");
    static final ToolDefinition WEATHER = new ToolDefinition(
            "get_weather",
            "Current weather of a city",
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
    static final Tools OFFERED = new Tools(List.of(WEATHER), Optional.of(ToolChoice.of(ToolChoice.Mode.AUTO)));
    static final ToolCall PARIS = new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}");
    static final List<ChatMessage> ASKED = List.of(ChatMessage.user("Weather in Paris?"));
    static final List<ChatMessage> ANSWERED = List.of(
            ChatMessage.user("Weather in Paris?"),
            ChatMessage.assistant("", List.of(PARIS)),
            ChatMessage.tool("call_1", "18 degrees"));

    @TempDir
    Path dir;

    @Nested
    class TheRequestDigest {
        @Test
        void ofACallWithoutToolsIsTheOneRecordingsMadeBeforeToolsExistedHold() {
            // the v1 canonical form of these fields, written out by hand: recordings of older routers must keep
            // matching
            String digest = RequestDigest.of(
                    List.of(ChatMessage.system("sys"), ChatMessage.user("hi")), 0.2, 100, Tools.NONE, WHO);

            assertThat(digest)
                    .isEqualTo(
                            RequestDigest.of(List.of(ChatMessage.system("sys"), ChatMessage.user("hi")), 0.2, 100, WHO))
                    .isEqualTo(sha256("aios-request-v1\u0000" + f("brief", WHO.briefDigest())
                            + f("prompt", "backend-v1")
                            + f("role", "backend") + f("task", "T1") + f("temperature", "0.2") + f("max_tokens", "100")
                            + f("system", "sys") + f("user", "hi")));
        }

        @Test
        void changesWithTheToolsOfferedAndTheToolChoice() {
            String without = RequestDigest.of(ASKED, 0, 100, Tools.NONE, WHO);
            String offered = RequestDigest.of(ASKED, 0, 100, OFFERED, WHO);
            String required = RequestDigest.of(
                    ASKED,
                    0,
                    100,
                    new Tools(List.of(WEATHER), Optional.of(ToolChoice.of(ToolChoice.Mode.REQUIRED))),
                    WHO);
            String otherSchema = RequestDigest.of(
                    ASKED,
                    0,
                    100,
                    new Tools(
                            List.of(new ToolDefinition(
                                    "get_weather", "Current weather of a city", "{\"type\":\"object\"}")),
                            OFFERED.choice()),
                    WHO);

            assertThat(List.of(without, offered, required, otherSchema)).doesNotHaveDuplicates();
        }

        @Test
        void changesWithTheToolCallsAndTheirResults() {
            String answered = RequestDigest.of(ANSWERED, 0, 100, OFFERED, WHO);
            String otherArguments = RequestDigest.of(
                    List.of(
                            ANSWERED.get(0),
                            ChatMessage.assistant(
                                    "", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Rome\"}"))),
                            ANSWERED.get(2)),
                    0,
                    100,
                    OFFERED,
                    WHO);
            String otherResult = RequestDigest.of(
                    List.of(ANSWERED.get(0), ANSWERED.get(1), ChatMessage.tool("call_1", "25 degrees")),
                    0,
                    100,
                    OFFERED,
                    WHO);
            // the same texts without the tool structure: an assistant that said nothing and a user that said "18
            // degrees"
            String flattened = RequestDigest.of(
                    List.of(ANSWERED.get(0), ChatMessage.assistant(""), new ChatMessage("tool", "18 degrees")),
                    0,
                    100,
                    OFFERED,
                    WHO);

            assertThat(List.of(answered, otherArguments, otherResult, flattened))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void aRecordedToolCallIsReplayedWithItsCallsAndFinishReasonStreamedAsToolCallDeltas() {
        // given: a run in which the model asked for a tool, then answered with its result
        CassetteRecorder recorder = new CassetteRecorder(
                dir.resolve("tools.cassette.json"), "claude=anthropic fake", "", Clock.systemUTC());
        recorder.record(
                ASKED,
                0,
                100,
                OFFERED,
                WHO,
                new ProviderReply(
                        "",
                        "claude",
                        "anthropic",
                        "claude-x",
                        new TokenUsage(30, 8),
                        false,
                        false,
                        false,
                        OptionalLong.empty(),
                        List.of(PARIS),
                        "tool_calls"),
                12);
        recorder.record(
                ANSWERED,
                0,
                100,
                OFFERED,
                WHO,
                new ProviderReply(
                        "18 degrees in Paris.",
                        "claude",
                        "anthropic",
                        "claude-x",
                        new TokenUsage(50, 6),
                        false,
                        false,
                        false),
                9);
        ReplayChatProvider replay =
                new ReplayChatProvider(CassetteLoader.load(recorder.file().toString()));
        List<Object> streamed = new ArrayList<>();
        TokenSink sink = new TokenSink() {
            @Override
            public void accept(String token) {
                streamed.add(token);
            }

            @Override
            public void acceptToolCall(ToolCallDelta delta) {
                streamed.add(delta);
            }
        };

        // when: the same two calls, the first streamed
        ProviderReply asked = replay.chat(new ProviderRequest(ASKED, 0, 100, true, WHO, OFFERED), sink);
        ProviderReply answered =
                replay.chat(new ProviderRequest(ANSWERED, 0, 100, false, WHO, OFFERED), TokenSink.NONE);

        // then
        assertThat(asked.toolCalls()).containsExactly(PARIS);
        assertThat(asked.finishReason()).isEqualTo("tool_calls");
        assertThat(asked.knownCostMicros()).hasValue(12);
        assertThat(streamed).containsExactly(new ToolCallDelta(0, "call_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(answered.content()).isEqualTo("18 degrees in Paris.");
        assertThat(answered.toolCalls()).isEmpty();
        assertThat(answered.finishReason()).isEqualTo("stop");
    }

    @Test
    void aCassetteWritesToolCallsOnlyWhereThereAreSomeAndReadsThemBack() {
        // given
        Exchange asked = new Exchange(
                1,
                "sha256:aa",
                "sha256:bb",
                "backend-v1",
                "backend",
                "T1",
                "claude",
                "anthropic",
                "claude-x",
                "",
                30,
                8,
                12,
                "",
                List.of(PARIS),
                "tool_calls");
        Exchange cut = new Exchange(
                2,
                "sha256:cc",
                "sha256:bb",
                "backend-v1",
                "backend",
                "T1",
                "claude",
                "anthropic",
                "claude-x",
                "18 deg",
                50,
                100,
                9,
                "",
                List.of(),
                "length");
        Exchange plain = new Exchange(
                3,
                "sha256:dd",
                "sha256:bb",
                "backend-v1",
                "backend",
                "T1",
                "claude",
                "anthropic",
                "claude-x",
                "done",
                50,
                6,
                9);
        Cassette cassette = new Cassette("run.json", 1, "", "", "", Optional.empty(), List.of(asked, cut, plain));

        // when
        String json = CassetteFile.write(cassette);

        // then
        assertThat(CassetteFile.parse("run.json", json).exchanges()).containsExactly(asked, cut, plain);
        assertThat(json.split("toolCalls", -1)).hasSize(2);
        assertThat(json.split("finishReason", -1))
                .as("written only when it is not what the tool calls imply")
                .hasSize(2);
    }

    private static String f(String name, String value) {
        return name.length() + ":" + name + value.length() + ":" + value + "\u0000";
    }

    private static String sha256(String canonical) {
        try {
            return "sha256:"
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
