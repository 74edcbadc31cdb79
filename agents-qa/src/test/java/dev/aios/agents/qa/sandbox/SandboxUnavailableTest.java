package dev.aios.agents.qa.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.task.FileContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where no sandbox can be built, generated code does not run: not at all, not partly. The suite used here would leave a
 * marker file on the host if it ran; only the explicit development switch lets it run, and then the report says so.
 */
class SandboxUnavailableTest {
    private static final SandboxLimits LIMITS = SandboxLimits.defaults().withTimeout(Duration.ofSeconds(60));

    @TempDir
    Path scratch;

    @TempDir
    Path host;

    private Path marker;
    private List<FileContent> suite;

    @BeforeEach
    void aSuiteThatLeavesAMarkerOnTheHost() throws IOException {
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxrwxrwx"));
        marker = host.resolve("the-generated-tests-ran");
        suite = List.of(
                FileContent.text("tests/__init__.py", ""),
                FileContent.text("tests/test_marker.py", """
                import unittest

                class MarkerTest(unittest.TestCase):
                    def test_leaves_a_marker(self):
                        with open("%s", "w") as f:
                            f.write("ran")
                """.formatted(marker)));
    }

    @AfterEach
    void leavesNothingBehind() throws IOException {
        try (var left = Files.list(scratch)) {
            assertThat(left.toList()).as("no workspace, no log").isEmpty();
        }
    }

    @Test
    void whenAToolIsMissingNothingRunsAndTheRefusalNamesIt() throws Exception {
        // given
        Sandbox sandbox = new Sandbox(
                LIMITS, scratch, SandboxTools.installed().withUnshare(Path.of("/nonexistent/unshare")), false);

        // when
        SandboxRun run = sandbox.run(suite);

        // then
        assertThat(sandbox.isolated()).isFalse();
        assertThat(run).isInstanceOfSatisfying(SandboxRun.Refused.class, refused -> {
            assertThat(refused.reason())
                    .contains(
                            "cannot isolate generated code on this host",
                            "/nonexistent/unshare does not exist or is not executable (package util-linux)",
                            "none of it was run");
            assertThat(refused.retriable()).isFalse();
        });
        assertThat(marker).doesNotExist();
    }

    @Test
    void whenTheKernelRefusesUserNamespacesNothingRunsAndTheRefusalSaysWhy() throws Exception {
        // given an unshare that fails the way it does under a container runtime's default seccomp profile
        Sandbox sandbox = new Sandbox(LIMITS, scratch, SandboxTools.installed().withUnshare(refusingUnshare()), false);

        // when
        SandboxRun run = sandbox.run(suite);

        // then
        assertThat(sandbox.isolated()).isFalse();
        assertThat(run).isInstanceOfSatisfying(SandboxRun.Refused.class, refused -> {
            assertThat(refused.reason())
                    .contains(
                            "building the sandbox failed (exit 1)",
                            "unshare: unshare failed: Operation not permitted",
                            "none of it was run");
            assertThat(refused.retriable()).isFalse();
        });
        assertThat(marker).doesNotExist();
    }

    @Test
    void whenTheSandboxCannotBeBuiltForOneRunThatRunIsRefusedAndMayBeRetried() throws Exception {
        // given an unshare that works for the start-up probe and fails afterwards
        Path works = host.resolve("probed");
        Path flakyUnshare = SandboxTest.executable(host.resolve("unshare"), """
                #!/bin/sh
                if [ -e %1$s ]; then
                    echo "unshare: unshare failed: Cannot allocate memory" >&2
                    exit 1
                fi
                touch %1$s
                exec /usr/bin/unshare "$@"
                """.formatted(works));
        Sandbox sandbox = new Sandbox(LIMITS, scratch, SandboxTools.installed().withUnshare(flakyUnshare), false);

        // when
        SandboxRun run = sandbox.run(suite);

        // then
        assertThat(sandbox.isolated()).isTrue();
        assertThat(run).isInstanceOfSatisfying(SandboxRun.Refused.class, refused -> {
            assertThat(refused.reason())
                    .contains(
                            "building the sandbox failed (exit 1)",
                            "Cannot allocate memory",
                            "none of the generated code was run");
            assertThat(refused.retriable()).isTrue();
        });
        assertThat(marker).doesNotExist();
    }

    @Test
    void onlyTheDevelopmentSwitchRunsTheSameSuiteUnisolatedAndTheReportSaysSo() throws Exception {
        // given
        Sandbox sandbox = new Sandbox(LIMITS, scratch, SandboxTools.installed().withUnshare(refusingUnshare()), true);

        // when
        SandboxRun run = sandbox.run(suite);

        // then it ran, with the host's filesystem and network, and nobody can miss it
        assertThat(run).isInstanceOfSatisfying(SandboxRun.Tested.class, tested -> {
            assertThat(tested.report().passed())
                    .as(tested.report().outputTail())
                    .isTrue();
            assertThat(tested.report().networkIsolated()).isFalse();
            assertThat(tested.report().isolationNote())
                    .startsWith(
                            "NOT ISOLATED (aios.sandbox.allow-unisolated=true,"
                                    + " development only): building the sandbox failed (exit 1): unshare: unshare failed: Operation not permitted");
        });
        assertThat(marker).hasContent("ran");
    }

    private Path refusingUnshare() throws IOException {
        return SandboxTest.executable(host.resolve("unshare"), """
                #!/bin/sh
                echo "unshare: unshare failed: Operation not permitted" >&2
                exit 1
                """);
    }
}
