package dev.aios.agents.qa.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TestReport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real Python test suites in the sandbox on this machine: passing, failing, hanging, allocating without bound,
 * networking, flooding the log; and the sandbox where the container runtime masks /proc.
 */
class SandboxTest {
    /** The hang test's limit; every other suite gets a generous one, so a loaded machine cannot fail them. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(4);

    private static final Duration GENEROUS = Duration.ofSeconds(90);

    @TempDir
    Path scratch;

    private Sandbox sandbox;

    @BeforeEach
    void openScratchToTheUnprivilegedUser() throws IOException {
        // the sandbox may run tests as nobody, who must be able to reach its workspace under this directory
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        sandbox = sandbox(GENEROUS);
    }

    private Sandbox sandbox(Duration timeLimit) {
        return new Sandbox(SandboxLimits.defaults().withTimeout(timeLimit).withAddressSpace(256L << 20), scratch);
    }

    /** The report of a run that happened: a refusal fails the test with its reason. */
    static TestReport tested(Sandbox sandbox, List<FileContent> files) throws Exception {
        SandboxRun run = sandbox.run(files);
        assertThat(run).as("the sandbox ran the tests").isInstanceOf(SandboxRun.Tested.class);
        return ((SandboxRun.Tested) run).report();
    }

    @AfterEach
    void leavesNothingBehind() throws IOException {
        try (var left = Files.list(scratch)) {
            assertThat(left.toList())
                    .as("sandbox directories and logs are always deleted")
                    .isEmpty();
        }
    }

    private static List<FileContent> suite(String testBody) {
        return List.of(
                FileContent.text("tests/__init__.py", ""),
                FileContent.text("tests/test_subject.py", """
                        import unittest

                        class SubjectTest(unittest.TestCase):
                        %s
                        """.formatted(testBody.indent(4))));
    }

    @Test
    void onThisMachineTheSandboxIsolatesAndSaysHow() throws Exception {
        // when
        TestReport report = tested(sandbox, suite("def test_nothing(self):\n    pass\n"));

        // then
        assertThat(sandbox.isolated()).isTrue();
        assertThat(report.networkIsolated()).isTrue();
        assertThat(report.isolationNote())
                .startsWith("isolated: own user, PID, mount, network and IPC namespaces (fresh /proc)")
                .contains("no host files or credentials", "loopback only", "no capabilities", "256 MiB address space");
        assertThat(report.outputTail())
                .as("the sandbox's own ready line is not part of the report")
                .doesNotContain("aios-sandbox: ready");
    }

    @Test
    void aPassingSuitePasses() throws Exception {
        // given
        List<FileContent> files = suite("""
                def test_adds(self):
                    self.assertEqual(4, 2 + 2)

                def test_serves_on_its_own_loopback(self):
                    import socket
                    server = socket.create_server(("127.0.0.1", 0))
                    client = socket.create_connection(server.getsockname())
                    client.close(); server.close()
                """);

        // when
        TestReport report = tested(sandbox, files);

        // then
        assertThat(report.passed()).as(report.outputTail()).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.testsRun()).isEqualTo(2);
        assertThat(report.testsFailed()).isZero();
        assertThat(report.command()).endsWith("-m unittest discover -v");
        assertThat(report.timedOut()).isFalse();
    }

    @Test
    void aFailingSuiteFailsWithTheFailingOutput() throws Exception {
        // given
        List<FileContent> files = suite("""
                def test_good(self):
                    self.assertTrue(True)

                def test_bad(self):
                    self.assertEqual("expected", "actual")
                """);

        // when
        TestReport report = tested(sandbox, files);

        // then
        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isNotZero();
        assertThat(report.testsRun()).isEqualTo(2);
        assertThat(report.testsFailed()).isEqualTo(1);
        assertThat(report.outputTail()).contains("FAIL: test_bad", "AssertionError", "'expected' != 'actual'");
    }

    @Test
    void aHangingSuiteIsKilledAtTheTimeLimitWithItsChildren() throws Exception {
        // given a test that starts a marked child process and then waits forever
        String token = "aios-hang-" + UUID.randomUUID();
        List<FileContent> files = suite("""
                def test_hangs(self):
                    import subprocess, sys, time
                    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "%s"])
                    print("CHILD STARTED", flush=True)
                    time.sleep(600)
                """.formatted(token));
        Process control = new ProcessBuilder("/bin/sh", "-c", "sleep 30", token + "-control").start();
        assertThat(HostProcesses.withArgument(token))
                .as("a marked host process is found")
                .hasSize(1);
        control.destroyForcibly().waitFor();

        // when
        TestReport report = tested(sandbox(TIME_LIMIT), files);

        // then
        assertThat(report.timedOut()).isTrue();
        assertThat(report.passed()).isFalse();
        assertThat(report.durationMillis()).isBetween(TIME_LIMIT.toMillis(), TIME_LIMIT.toMillis() + 15_000);
        assertThat(report.outputTail()).contains("CHILD STARTED", "killed after the time limit");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(HostProcesses.withArgument(token))
                        .as("the whole process tree is killed")
                        .isEmpty());
    }

    @Test
    void aSuiteThatAllocatesWithoutBoundIsStoppedByTheMemoryLimit() throws Exception {
        // given
        List<FileContent> files = suite("""
                def test_eats_memory(self):
                    hog = []
                    while True:
                        hog.append(bytearray(16 * 1024 * 1024))
                """);

        // when
        TestReport report = tested(sandbox, files);

        // then it fails fast on the address-space limit rather than running into the time limit
        assertThat(report.passed()).isFalse();
        assertThat(report.timedOut()).isFalse();
        assertThat(report.outputTail()).contains("MemoryError");
    }

    @Test
    void aSuiteCannotReachServicesOnTheHostNetwork() throws Exception {
        try (ServerSocket hostService = new ServerSocket(0)) {
            // given a service listening on the host's loopback, and a test that tries to reach it
            List<FileContent> files = suite("""
                    def test_connects(self):
                        import socket
                        try:
                            socket.create_connection(("127.0.0.1", %d), timeout=2).close()
                            print("NETWORK: CONNECTED", flush=True)
                        except OSError as e:
                            print("NETWORK: BLOCKED", e, flush=True)
                    """.formatted(hostService.getLocalPort()));

            // when
            TestReport report = tested(sandbox, files);

            // then
            assertThat(report.networkIsolated()).isTrue();
            assertThat(report.outputTail()).contains("NETWORK: BLOCKED").doesNotContain("NETWORK: CONNECTED");
        }
    }

    @Test
    void aSuiteThatPrintsWithoutBoundIsCutOffAndTheReportKeepsOnlyTheTail() throws Exception {
        // given
        List<FileContent> files = suite("""
                def test_floods_the_log(self):
                    import sys
                    line = "x" * 1023 + "\\n"
                    while True:
                        sys.stdout.write(line)
                """);

        // when
        TestReport report = tested(sandbox, files);

        // then the file-size limit stops it long before the time limit, and the report stays small
        assertThat(report.passed()).isFalse();
        assertThat(report.timedOut()).isFalse();
        assertThat(report.outputTail())
                .hasSizeLessThanOrEqualTo(SandboxLimits.defaults().outputTailChars());
    }

    @Test
    void anNpmProjectRunsItsOwnTestScript() throws Exception {
        // given a package without dependencies: nothing to install, so no network is needed
        List<FileContent> files = List.of(
                FileContent.text("package.json", """
                        {"name": "calc", "version": "1.0.0", "scripts": {"test": "node test.js"}}
                        """),
                FileContent.text("calc.js", "module.exports.add = (a, b) => a + b;\n"),
                FileContent.text("test.js", """
                        const assert = require("node:assert");
                        const { add } = require("./calc");
                        assert.strictEqual(add(2, 3), 5);
                        console.log("npm suite ok");
                        """));

        // when, with the default address space: V8 reserves more than the small limit the Python suites get
        TestReport report = tested(new Sandbox(SandboxLimits.defaults().withTimeout(GENEROUS), scratch), files);

        // then
        assertThat(report.command()).isEqualTo("npm test --silent");
        assertThat(report.passed()).as(report.outputTail()).isTrue();
        assertThat(report.outputTail()).contains("npm suite ok");
    }

    @Test
    void aPathOutsideTheWorkspaceIsRefusedAndNothingRuns() throws Exception {
        // given
        List<FileContent> files = List.of(FileContent.text("../escape.py", "print('out')"));

        // when
        SandboxRun run = sandbox.run(files);

        // then
        assertThat(run).isInstanceOfSatisfying(SandboxRun.Refused.class, refused -> {
            assertThat(refused.reason()).contains("leaves the workspace", "none of the workspace was run");
            assertThat(refused.retriable()).isFalse();
        });
        assertThat(scratch.resolve("escape.py")).doesNotExist();
    }

    @Test
    void whereTheRuntimeMasksProcTheSandboxHasNoProcAtAll(@TempDir Path tools) throws Exception {
        // given an unshare that first masks part of /proc, as Docker and containerd do, so that the kernel refuses
        // the sandbox a fresh /proc
        Files.setPosixFilePermissions(tools, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path maskingUnshare = executable(tools.resolve("unshare"), """
                #!/bin/sh
                exec /usr/bin/unshare --user --map-root-user --mount -- /bin/sh -c \
                    'mount --bind /dev/null /proc/timer_list && exec /usr/bin/unshare "$@"' masking-runtime "$@"
                """);
        Sandbox masked = new Sandbox(
                SandboxLimits.defaults().withTimeout(GENEROUS).withAddressSpace(256L << 20),
                scratch,
                SandboxTools.installed().withUnshare(maskingUnshare),
                false);
        List<FileContent> files = suite("""
                def test_looks_for_processes(self):
                    import os
                    print("PROC:", sorted(os.listdir("/proc")), flush=True)
                    try:
                        open("/proc/%d/environ" % os.getppid()).read()
                        print("PARENT ENVIRON: READ", flush=True)
                    except OSError as e:
                        print("PARENT ENVIRON:", e.strerror, flush=True)
                """);

        // when
        TestReport report = tested(masked, files);

        // then the agent's processes are just as invisible, and the report says which /proc the tests had
        assertThat(masked.isolated()).isTrue();
        assertThat(report.passed()).as(report.outputTail()).isTrue();
        assertThat(report.outputTail()).contains("PROC: []", "PARENT ENVIRON: No such file or directory");
        assertThat(report.isolationNote()).contains("no /proc (a fresh one is not permitted here");
    }

    static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void aWorkspaceWithoutTestsFailsWithAClearReason() throws Exception {
        TestReport report = tested(sandbox, List.of(FileContent.text("README.md", "# nothing to run")));

        assertThat(report.passed()).isFalse();
        assertThat(report.outputTail()).contains("no test command detected");
    }
}
