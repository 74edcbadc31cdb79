package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --record} against a local OpenAI-compatible server that plays the model (the scenario server), then
 * {@code --replay} with no provider: the same repository, to the tree hash. A tampered recording fails at the first
 * call that no longer matches, and says which.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RecordReplayIT {
    @TempDir
    Path dir;

    @Test
    void aRecordedRunReplaysToTheSameTreeAndATamperedRecordingFailsNamingTheFirstMismatchingCall() throws Exception {
        // given a run of the url-shortener scenario recorded live against the scenario server
        Path cassette = dir.resolve("shortener.cassette.json");
        int recorded = ScenarioRecorder.record(
                "url-shortener", cassette, dir.resolve("live"), new PrintStream(new ByteArrayOutputStream()));
        assertThat(recorded).isZero();
        String liveTree = treeOf(dir.resolve("live"));

        // when it is replayed with no provider configured
        Run replay = demo(
                Map.of("AIOS_HOME", dir.resolve("home").toString()),
                "--replay",
                cassette.toString(),
                "--out",
                dir.resolve("replay").toString());

        // then the same repository is delivered, tree for tree, and every answer was replayed
        assertThat(replay.exit()).as(replay.output()).isZero();
        assertThat(replay.output().lines().findFirst().orElseThrow()).isEqualTo("AIOS standalone: demo");
        assertThat(replay.output()).contains("MODE: RECORDED", "6 replayed from a recording");
        assertThat(treeOf(dir.resolve("replay"))).isEqualTo(liveTree);

        // when the recording is tampered with: the plan's answer renames the frontend task
        ObjectNode root = (ObjectNode) JsonMapper.builder().build().readTree(Files.readString(cassette));
        ObjectNode plan = (ObjectNode) root.path("exchanges").get(0);
        assertThat(plan.path("task").asString()).isEqualTo("plan");
        plan.put("response", plan.path("response").asString().replace("\"Shortener page\"", "\"Shortener web page\""));
        Path tampered = dir.resolve("tampered.cassette.json");
        Files.writeString(tampered, JsonMapper.builder().build().writeValueAsString(root));
        Run diverged = demo(
                Map.of("AIOS_HOME", dir.resolve("home").toString()),
                "--replay",
                tampered.toString(),
                "--out",
                dir.resolve("tampered").toString());

        // then the run fails at the first call that no longer matches (the frontend task's), naming it, and delivers
        // nothing
        assertThat(diverged.exit()).as(diverged.output()).isEqualTo(1);
        assertThat(diverged.output())
                .contains("result: ProjectFailed - nothing delivered: ")
                .contains("diverged at frontend/T2 (frontend-v1)")
                .doesNotContain("project delivered");
    }

    record Run(int exit, String output) {}

    static Run demo(Map<String, String> env, String... options) throws Exception {
        String[] args = Stream.concat(Stream.of("demo"), Stream.of(options)).toArray(String[]::new);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = AiosStandalone.run(
                StandaloneCommand.parse(args), env, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Run(exit, printed.toString(StandardCharsets.UTF_8));
    }

    static String treeOf(Path out) throws Exception {
        try (Stream<Path> found = Files.walk(out, 3)) {
            Path repository = found.filter(p -> p.getFileName().toString().equals(".git"))
                    .findFirst()
                    .orElseThrow()
                    .getParent();
            try (Git git = Git.open(repository.toFile())) {
                return git.getRepository().resolve("HEAD^{tree}").name();
            }
        }
    }
}
