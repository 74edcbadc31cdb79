package dev.aios.router.cassette;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.client.BriefDigest;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.provider.ProviderException;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import dev.aios.router.provider.TokenSink;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayChatProviderTest {
    static final String BRIEF = "Build a URL shortener in Python with tests, standard library only.";
    static final String OTHER_BRIEF = "Build a command line tool that converts CSV to JSON, with tests.";

    @TempDir
    Path dir;

    static CallMetadata call(String brief, String role, String task, String prompt) {
        return new CallMetadata(
                "p-" + role,
                task,
                role,
                "code",
                "",
                3,
                0,
                Optional.empty(),
                Optional.of(1_000_000L),
                BriefDigest.of(brief),
                prompt);
    }

    static ProviderRequest request(CallMetadata who, String userMessage) {
        return new ProviderRequest(
                List.of(ChatMessage.system("You are the backend."), ChatMessage.user(userMessage)),
                0.2,
                4000,
                false,
                who);
    }

    /** A cassette recorded the way the router records: through the recorder, from real requests. */
    ReplayChatProvider recordedWith(ProviderRequest... requests) {
        CassetteRecorder recorder = new CassetteRecorder(
                dir.resolve("run.cassette.json"),
                "local=openai-compatible fake",
                "test recording",
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        int n = 0;
        for (ProviderRequest r : requests) {
            n++;
            recorder.record(
                    r.messages(),
                    r.temperature(),
                    r.maxOutputTokens(),
                    r.tools(),
                    r.metadata(),
                    new ProviderReply(
                            "answer " + n,
                            "local",
                            "openai-compatible",
                            "qwen-test",
                            new TokenUsage(100 * n, 10 * n),
                            false,
                            false,
                            false),
                    7 * n);
        }
        return new ReplayChatProvider(CassetteLoader.load(recorder.file().toString()));
    }

    @Nested
    class ARecordedCall {
        @Test
        void isAnsweredWithTheRecordedAnswerMarkedScriptedAndItsRecordedCost() {
            // given
            ProviderRequest t1 = request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store");
            ReplayChatProvider replay = recordedWith(t1);
            List<String> streamed = new ArrayList<>();

            // when: the same call, from another project of the same brief, streamed
            ProviderReply reply = replay.chat(
                    new ProviderRequest(t1.messages(), 0.2, 4000, true, call(BRIEF, "backend", "T1", "backend-v1")),
                    streamed::add);

            // then
            assertThat(reply.content()).isEqualTo("answer 1");
            assertThat(reply.scripted()).isTrue();
            assertThat(reply.provider()).isEqualTo("replay");
            assertThat(reply.model()).isEqualTo("qwen-test");
            assertThat(reply.tier()).isEqualTo("local");
            assertThat(reply.tokens().inputTokens()).isEqualTo(100);
            assertThat(reply.knownCostMicros()).hasValue(7);
            assertThat(streamed).containsExactly("answer 1");
        }

        @Test
        void thatWasRefusedWhenRecordedIsRefusedTheSameWayThenAnsweredAsRecordedOnTheRetry() {
            // given: the first attempt was refused for budget, the retry of the same request answered
            ProviderRequest t1 = request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store");
            CassetteRecorder recorder =
                    new CassetteRecorder(dir.resolve("refused.cassette.json"), "local=fake", "", Clock.systemUTC());
            recorder.failed(
                    t1.messages(),
                    t1.temperature(),
                    t1.maxOutputTokens(),
                    t1.tools(),
                    t1.metadata(),
                    new LlmCallException(LlmCallException.Kind.BUDGET_EXHAUSTED, "project has 10 micro-dollars left"));
            recorder.record(
                    t1.messages(),
                    t1.temperature(),
                    t1.maxOutputTokens(),
                    t1.tools(),
                    t1.metadata(),
                    new ProviderReply(
                            "the store", "local", "openai-compatible", "m", new TokenUsage(1, 1), false, false, false),
                    3);
            ReplayChatProvider replay =
                    new ReplayChatProvider(CassetteLoader.load(recorder.file().toString()));

            // when / then
            assertThatThrownBy(() -> replay.chat(t1, TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmCallException.Kind.BUDGET_EXHAUSTED))
                    .hasMessage("project has 10 micro-dollars left");
            assertThat(replay.chat(t1, TokenSink.NONE).content()).isEqualTo("the store");
        }

        @Test
        void isAnsweredOnlyAsOftenAsItWasRecorded() {
            ProviderRequest t1 = request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store");
            ReplayChatProvider replay = recordedWith(t1);
            replay.chat(t1, TokenSink.NONE);

            assertThatThrownBy(() -> replay.chat(t1, TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmCallException.Kind.NOT_RECORDED))
                    .hasMessageContaining("diverged at backend/T1 (backend-v1)")
                    .hasMessageContaining("answered this exact request 1 time(s)");
        }
    }

    @Nested
    class AnotherProjectOfTheRecordedBrief {
        @Test
        void replaysTheWholeRecordingAgainFromItsOwnCopy() {
            // given a recording of one project, used up by it
            ProviderRequest t1 = request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store");
            ReplayChatProvider replay = recordedWith(t1);
            replay.chat(t1, TokenSink.NONE);
            // when a second project of the same brief makes the same call
            CallMetadata second = new CallMetadata(
                    "p-second",
                    "T1",
                    "backend",
                    "code",
                    "",
                    3,
                    0,
                    Optional.empty(),
                    Optional.of(1_000_000L),
                    BriefDigest.of(BRIEF),
                    "backend-v1");
            ProviderReply reply = replay.chat(
                    new ProviderRequest(t1.messages(), t1.temperature(), t1.maxOutputTokens(), false, second),
                    TokenSink.NONE);
            // then it is answered as recorded, and still only as often as recorded
            assertThat(reply.content()).isEqualTo("answer 1");
            assertThatThrownBy(() -> replay.chat(
                            new ProviderRequest(t1.messages(), t1.temperature(), t1.maxOutputTokens(), false, second),
                            TokenSink.NONE))
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(LlmCallException.Kind.NOT_RECORDED));
        }
    }

    @Nested
    class ACallTheRecordingDoesNotHold {
        @Test
        void ofAnotherBriefIsRefusedNamingTheRecordedBriefsAndTheWaysOut() {
            ReplayChatProvider replay = recordedWith(request(call(BRIEF, "cto", "plan", "cto-v1"), "plan it"));

            assertThatThrownBy(() ->
                            replay.chat(request(call(OTHER_BRIEF, "cto", "plan", "cto-v1"), "plan it"), TokenSink.NONE))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LlmCallException.Kind.NOT_RECORDED);
                        assertThat(e.kind().fatalToProject()).isTrue();
                        assertThat(e.retriable()).isFalse();
                    })
                    .hasMessageContaining("no recording is of this brief ("
                            + BriefDigest.shortForm(BriefDigest.of(OTHER_BRIEF)) + ")")
                    .hasMessageContaining("recordings exist only for test recording ("
                            + BriefDigest.shortForm(BriefDigest.of(BRIEF)) + ")")
                    .hasMessageContaining("ANTHROPIC_API_KEY", "AIOS_LOCAL_MODEL_URL");
        }

        @Test
        void thatDivergesFromItIsRefusedNamingTheCallAndWhatWasRecordedForIt() {
            ReplayChatProvider replay =
                    recordedWith(request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store"));

            assertThatThrownBy(() -> replay.chat(
                            request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store, differently"),
                            TokenSink.NONE))
                    .hasMessageContaining("replay of test recording diverged at backend/T1 (backend-v1)")
                    .hasMessageContaining("differs from the recorded #1 backend/T1 (backend-v1)");
        }

        @Test
        void withAnotherPromptVersionSaysWhichPromptWasRecorded() {
            ReplayChatProvider replay =
                    recordedWith(request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store"));

            assertThatThrownBy(() -> replay.chat(
                            request(call(BRIEF, "backend", "T1", "backend-v2"), "write the store"), TokenSink.NONE))
                    .hasMessageContaining("it was recorded with prompt backend-v1");
        }

        @Test
        void thatWasNeverRecordedForItsTaskSaysSo() {
            ReplayChatProvider replay =
                    recordedWith(request(call(BRIEF, "backend", "T1", "backend-v1"), "write the store"));

            assertThatThrownBy(
                            () -> replay.chat(request(call(BRIEF, "qa", "T3", "qa-v1"), "write tests"), TokenSink.NONE))
                    .hasMessageContaining("the recording has no call of qa/T3");
        }
    }
}
