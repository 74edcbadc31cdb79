package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aios demo} in-process, on embedded Qpid, PostgreSQL and Redis (no shared service is touched), with no model
 * configured: the url-shortener scenario is replayed from its recording, the sprint is streamed, and the delivered
 * repository has one commit per task, authored by the personas, provenance in trailers, and tests that pass.
 */
class StandaloneDemoIT {
    @TempDir
    Path out;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theRecordedSampleIsDeliveredAsARepositoryWhoseTestsPass() throws Exception {
        // given the demo command with no provider configured
        StandaloneCommand command = StandaloneCommand.parse(new String[] {"demo", "--out", out.toString()});
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when it runs
        Path home = out.resolve("aios-home");
        int exit = AiosStandalone.run(
                command, Map.of("AIOS_HOME", home.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then the project was delivered and the run said, first and last, that no model answered
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        // and it made its signing key and an admin token for the API, readable by the user alone
        assertThat(output).contains("admin token: " + home.resolve("admin.token"));
        assertThat(java.nio.file.Files.getPosixFilePermissions(home.resolve("admin.token")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        List<String> lines = output.lines().toList();
        assertThat(lines.get(1))
                .startsWith("MODE: RECORDED - no model is called: every model answer below is replayed")
                .contains("scripted stand-in for a model");
        assertThat(lines.getLast())
                .startsWith("MODE: RECORDED - no model is called: every model answer above is replayed");
        assertThat(output)
                .contains(
                        "CTO proposed",
                        "QA review of sprint",
                        "project delivered",
                        "RECORDED: replayed answer",
                        "peak RSS");

        // and the repository has one commit per completed backlog task, each naming its task and agent
        Path repository = repositoryIn(out);
        try (Git git = Git.open(repository.toFile())) {
            var commits = git.log().call();
            int count = 0;
            for (var commit : commits) {
                assertThat(commit.getShortMessage()).matches("T\\d+: .+").doesNotContain("[", "scripted", "recorded");
                assertThat(commit.getFullMessage())
                        .contains("\nAgent: AIOS ", "\nTask: T", "\nPrompt-Version: ", "\nRecorded: true\n");
                assertThat(commit.getAuthorIdent().getName()).matches("AIOS (CTO|Backend|Frontend|QA|DevOps) Agent");
                count++;
            }
            assertThat(count).isEqualTo(tasksCompleted(output));
        }

        // and its tests pass when run by hand
        Process tests = new ProcessBuilder("python3", "-m", "unittest", "discover")
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .start();
        String testOutput = new String(tests.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tests.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tests.exitValue()).as(testOutput).isZero();
        assertThat(testOutput).contains("OK");
    }

    private static Path repositoryIn(Path out) throws Exception {
        try (Stream<Path> found = Files.walk(out, 3)) {
            return found.filter(p -> p.getFileName().toString().equals(".git"))
                    .findFirst()
                    .orElseThrow()
                    .getParent();
        }
    }

    private static int tasksCompleted(String output) {
        return output.lines()
                .filter(l -> l.startsWith("result: ProjectDelivered - "))
                .map(l -> Integer.parseInt(l.replaceAll("^result: ProjectDelivered - (\\d+) task.*$", "$1")))
                .findFirst()
                .orElseThrow();
    }
}
