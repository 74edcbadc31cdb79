package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./aios demo} script, as a new user runs it: what cannot run is refused before anything is built or
 * started, in one readable paragraph, with exit status 2, within seconds.
 */
class LauncherPreflightIT {
    static final Path AIOS = Path.of("../aios").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Exit(int status, String stderr, long millis) {}

    Exit aios(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AIOS.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(AIOS.getParent().toFile());
        Map<String, String> env = builder.environment();
        // no model configured, whatever the machine running the test has
        List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "AIOS_LOCAL_MODEL_URL").forEach(env::remove);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long started = System.nanoTime();
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Exit(process.exitValue(), stderr, (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void aBriefWithNoRecordingAndNoModelIsRefusedBeforeBootInOneParagraph() throws Exception {
        // given
        Path brief = Files.writeString(
                dir.resolve("csv.md"),
                "Build a command line tool in Go that converts CSV files to JSON, with tests.\n");

        // when
        Exit exit = aios("demo", "--brief", brief.toString());

        // then
        assertThat(exit.status()).as(exit.stderr()).isEqualTo(2);
        assertThat(exit.millis()).as("refused before the platform starts").isLessThan(10_000);
        assertThat(exit.stderr().strip().lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("aios: no model is configured, and nothing is recorded for this brief")
                        .contains("url-shortener", "ANTHROPIC_API_KEY", "AIOS_LOCAL_MODEL_URL", "--replay"));
    }

    @Test
    void anEmptyOrTooShortBriefIsRefusedBeforeBoot() throws Exception {
        Exit empty = aios(
                "demo",
                "--brief",
                Files.writeString(dir.resolve("empty.md"), "\n").toString());
        Exit terse = aios(
                "demo",
                "--brief",
                Files.writeString(dir.resolve("terse.md"), "todo app").toString());

        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.stderr()).startsWith("aios: the brief is empty");
        assertThat(terse.status()).isEqualTo(2);
        assertThat(terse.stderr()).startsWith("aios: the brief is too short to plan from");
        assertThat(terse.millis()).isLessThan(10_000);
    }
}
