package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.client.BriefDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
    static final String RECORDED_BRIEF =
            "Build a URL shortener web service in Python, standard library only, with tests.";
    static final Map<String, String> RECORDED = Map.of("url-shortener", BriefDigest.of(RECORDED_BRIEF));
    static final Map<String, String> NO_MODEL = Map.of("PATH", "/usr/bin");

    @TempDir
    Path dir;

    Optional<String> refusal(Map<String, String> env, String... args) throws Exception {
        return Preflight.refusal(StandaloneCommand.parse(args), env, RECORDED);
    }

    Path brief(String text) throws Exception {
        return Files.writeString(dir.resolve("brief.md"), text);
    }

    @Nested
    class WithNoModelConfigured {
        @Test
        void aBriefNothingRecordedIsRefusedWithTheWaysForward() throws Exception {
            Path mine = brief("Build a command line tool in Go that converts CSV files to JSON, with tests.");

            assertThat(refusal(NO_MODEL, "demo", "--brief", mine.toString()))
                    .hasValueSatisfying(why -> assertThat(why)
                            .startsWith("no model is configured, and nothing is recorded for this brief (sha256:")
                            .contains("Recordings exist only for the scenarios url-shortener")
                            .contains(
                                    "ANTHROPIC_API_KEY", "OPENAI_API_KEY", "AIOS_LOCAL_MODEL_URL", "Ollama", "--replay")
                            .doesNotContain("\n"));
        }

        @Test
        void aRecordedBriefTheDefaultAScenarioOrAReplayMayRun() throws Exception {
            assertThat(refusal(
                            NO_MODEL, "demo", "--brief", brief(RECORDED_BRIEF).toString()))
                    .isEmpty();
            assertThat(refusal(NO_MODEL, "demo")).isEmpty();
            assertThat(refusal(NO_MODEL, "demo", "--scenario", "url-shortener")).isEmpty();
            assertThat(refusal(NO_MODEL, "demo", "--replay", brief("{}").toString()))
                    .isEmpty();
        }

        @Test
        void anUnknownScenarioNamesTheRecordedOnes() throws Exception {
            assertThat(refusal(NO_MODEL, "demo", "--scenario", "todo-app"))
                    .hasValue(
                            "no recorded scenario is called 'todo-app': the scenarios are url-shortener (./aios demo --list-scenarios describes them)");
        }

        @Test
        void recordingNeedsAModel() throws Exception {
            assertThat(refusal(
                            NO_MODEL, "demo", "--brief", brief(RECORDED_BRIEF).toString(), "--record", "x.json"))
                    .hasValueSatisfying(why -> assertThat(why)
                            .startsWith("--record needs a live model to record, and none is configured"));
            assertThat(refusal(NO_MODEL, "up", "--record", "x.json")).isPresent();
        }
    }

    @Nested
    class AnyBrief {
        @Test
        void mustBeTextLongEnoughToPlanFromWhateverModelIsConfigured() throws Exception {
            Map<String, String> live = Map.of("ANTHROPIC_API_KEY", "sk-ant-x");

            assertThat(refusal(live, "demo", "--brief", brief("   \n").toString()))
                    .hasValueSatisfying(why -> assertThat(why).startsWith("the brief is empty"));
            assertThat(refusal(live, "demo", "--brief", brief("a todo app").toString()))
                    .hasValueSatisfying(why -> assertThat(why)
                            .startsWith("the brief is too short to plan from (10 characters; at least 40)"));
            Path binary = Files.write(dir.resolve("brief.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
            assertThat(refusal(live, "demo", "--brief", binary.toString()))
                    .hasValue("the brief " + binary + " is not UTF-8 text");
            assertThat(refusal(
                            live,
                            "demo",
                            "--brief",
                            brief("Build a command line tool that converts CSV to JSON, with tests.")
                                    .toString()))
                    .isEmpty();
        }
    }

    @Test
    void theLaunchersDigestIsTheOneTheAgentsSend() {
        assertThat(Briefs.digest("a brief ✓ with ünïcode\n")).isEqualTo(BriefDigest.of("a brief ✓ with ünïcode\n"));
    }
}
