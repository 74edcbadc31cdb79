package dev.aios.agents.qa.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real Python test suites in the sandbox: passing, failing, hanging, allocating without bound, networking. */
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

    @AfterEach
    void leavesNothingBehind() throws IOException {
        try (var left = Files.list(scratch)) {
            assertThat(left.toList()).as("sandbox directories and logs are always deleted").isEmpty();
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
        TestReport report = sandbox.run(files);

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
        TestReport report = sandbox.run(files);

        // then
        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isNotZero();
        assertThat(report.testsRun()).isEqualTo(2);
        assertThat(report.testsFailed()).isEqualTo(1);
        assertThat(report.outputTail()).contains("FAIL: test_bad", "AssertionError", "'expected' != 'actual'");
    }

    @Test
    void aHangingSuiteIsKilledAtTheTimeLimitWithItsChildren() throws Exception {
        // given a test that starts a child process and then waits forever
        List<FileContent> files = suite("""
                def test_hangs(self):
                    import subprocess, sys, time
                    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
                    print("CHILD", child.pid, flush=True)
                    time.sleep(600)
                """);

        // when
        TestReport report = sandbox(TIME_LIMIT).run(files);

        // then
        assertThat(report.timedOut()).isTrue();
        assertThat(report.passed()).isFalse();
        assertThat(report.durationMillis()).isBetween(TIME_LIMIT.toMillis(), TIME_LIMIT.toMillis() + 15_000);
        assertThat(report.outputTail()).contains("killed after the time limit");
        long child = childPid(report.outputTail());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(running(child)).as("the whole process tree is killed").isFalse());
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
        TestReport report = sandbox.run(files);

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
            TestReport report = sandbox.run(files);

            // then either the connection is blocked, or the report says plainly that there was no isolation
            if (report.networkIsolated()) {
                assertThat(report.outputTail()).contains("NETWORK: BLOCKED").doesNotContain("NETWORK: CONNECTED");
                assertThat(report.isolationNote()).contains("no network");
            } else {
                assertThat(report.isolationNote()).contains("NOT network-isolated");
            }
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
        TestReport report = sandbox.run(files);

        // then the file-size limit stops it long before the time limit, and the report stays small
        assertThat(report.passed()).isFalse();
        assertThat(report.timedOut()).isFalse();
        assertThat(report.outputTail()).hasSizeLessThanOrEqualTo(SandboxLimits.defaults().outputTailChars());
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
        TestReport report = new Sandbox(SandboxLimits.defaults().withTimeout(GENEROUS), scratch).run(files);

        // then
        assertThat(report.command()).isEqualTo("npm test --silent");
        assertThat(report.passed()).as(report.outputTail()).isTrue();
        assertThat(report.outputTail()).contains("npm suite ok");
    }

    @Test
    void aPathOutsideTheWorkspaceIsRefusedAndNothingRuns() {
        List<FileContent> files = List.of(FileContent.text("../escape.py", "print('out')"));

        assertThatThrownBy(() -> sandbox.run(files)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the workspace");
        assertThat(scratch.resolve("escape.py")).doesNotExist();
    }

    @Test
    void aWorkspaceWithoutTestsFailsWithAClearReason() throws Exception {
        TestReport report = sandbox.run(List.of(FileContent.text("README.md", "# nothing to run")));

        assertThat(report.passed()).isFalse();
        assertThat(report.outputTail()).contains("no test command detected");
    }

    /** Alive and not a zombie: a killed orphan stays in the process table until something reaps it. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        try {
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    private static long childPid(String output) {
        Matcher m = Pattern.compile("CHILD (\\d+)").matcher(output);
        assertThat(m.find()).as("the hanging test printed its child's pid: " + output).isTrue();
        return Long.parseLong(m.group(1));
    }
}
