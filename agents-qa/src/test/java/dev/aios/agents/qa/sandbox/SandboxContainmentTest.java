package dev.aios.agents.qa.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TestReport;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated suite that tries every escape we know of ({@code escapes/test_escapes.py}) runs once in the sandbox on
 * this machine, next to a fake broker password in the agent's environment (Surefire sets it), a credential file and
 * an open port on the host. Each test below judges one kind of attempt, from what the suite printed and from the host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxContainmentTest {
    static final String SECRET_VARIABLE = "SPRING_RABBITMQ_PASSWORD";
    private static final int MAX_PROCESSES = 32;
    private static final SandboxLimits LIMITS =
            new SandboxLimits(Duration.ofSeconds(90), 256L << 20, MAX_PROCESSES, 200_000);

    @TempDir
    static Path scratch;

    @TempDir
    static Path host;

    private final String token = UUID.randomUUID().toString();
    private final String credential = "agent-credential-" + UUID.randomUUID();
    private ServerSocket hostService;
    private HostileSuite.Run run;

    @BeforeAll
    void runTheHostileSuiteOnce() throws Exception {
        // given secrets of the agent: its environment and a credential file in its home
        assertThat(System.getenv(SECRET_VARIABLE))
                .as("Surefire gives the agent JVM a fake broker password")
                .isNotBlank();
        Files.createDirectories(host.resolve("agent-home/.aios"));
        Files.writeString(host.resolve("agent-home/.aios/token"), credential);
        // and services the tests could reach if they had the host's network: the broker, and a port of our own
        hostService = new ServerSocket(0, 50, null);
        HostileSuite.assertReachableFromTheHost("127.0.0.1", 5672);
        HostileSuite.assertReachableFromTheHost(HostileSuite.hostAddress(), hostService.getLocalPort());
        drainProbeConnections();
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Sandbox sandbox = new Sandbox(LIMITS, scratch);
        List<FileContent> files = HostileSuite.files(host, hostService.getLocalPort(), token);

        // when
        run = HostileSuite.run(sandbox, files);

        // (what the suite printed, kept for people to read, as browser tests keep screenshots)
        Files.writeString(Path.of("target", "sandbox-escape-attempts.txt"), run.output());
    }

    @AfterAll
    void leavesNothingBehind() throws IOException {
        hostService.close();
        try (var left = Files.list(scratch)) {
            assertThat(left.toList())
                    .as("sandbox directories and logs are always deleted")
                    .isEmpty();
        }
    }

    @Test
    void theSuiteRanToTheEndIsolated() {
        TestReport report = run.report();
        assertThat(report.passed()).as(report.outputTail()).isTrue();
        assertThat(report.testsRun()).isEqualTo(6);
        assertThat(report.networkIsolated()).isTrue();
        assertThat(run.attempts()).hasSizeGreaterThanOrEqualTo(26);
    }

    @Test
    void cannotReadTheAgentsEnvironmentOrCredentials() {
        Map<String, String> attempts = run.attempts();
        List<String> names = Arrays.asList(attempts.get("environment").split(" "));
        assertThat(names)
                .as("only what Sandbox.environment gives, and what sh and python add themselves")
                .isSubsetOf(
                        "CI",
                        "HOME",
                        "JAVA_TOOL_OPTIONS",
                        "LANG",
                        "PATH",
                        "PYTHONDONTWRITEBYTECODE",
                        "PYTHONUNBUFFERED",
                        "PWD",
                        "OLDPWD",
                        "LC_CTYPE")
                .doesNotContain(SECRET_VARIABLE);
        assertThat(attempts.get("environ of the parent process"))
                .as("PID 1 of the sandbox")
                .startsWith("EACCES");
        assertThat(attempts.get("environ of the agent")).startsWith("ENOENT");
        assertThat(attempts)
                .hasEntrySatisfying(
                        "read /var/run/secrets/kubernetes.io/serviceaccount/token",
                        result -> assertThat(result).startsWith("ENOENT"))
                .hasEntrySatisfying(
                        "read /etc/aios/aios.yml", result -> assertThat(result).startsWith("ENOENT"))
                .hasEntrySatisfying(
                        "read /root/.ssh/id_ed25519",
                        result -> assertThat(result).startsWith("ENOENT"))
                .hasEntrySatisfying(
                        "read /root/.m2/settings.xml",
                        result -> assertThat(result).startsWith("ENOENT"))
                .hasEntrySatisfying(
                        "read " + host + "/agent-home/.aios/token",
                        result -> assertThat(result).startsWith("ENOENT"));
        assertThat(run.output()).doesNotContain(System.getenv(SECRET_VARIABLE)).doesNotContain(credential);
    }

    @Test
    void cannotSeeOrSignalTheAgentsProcesses() {
        String listing = run.attempts().get("list /proc");
        List<String> processes = Arrays.asList(listing.split(" \\| "));
        assertThat(processes)
                .as(listing)
                .hasSizeLessThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p).doesNotContain("java", "surefire"))
                .anySatisfy(p -> assertThat(p).startsWith("1: /bin/sh -c"));
        assertThat(run.attempts().get("signal the agent")).startsWith("ESRCH");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void cannotWriteOutsideItsWorkspaceCopy() {
        Map<String, String> attempts = run.attempts();
        assertThat(attempts.get("write ../escape")).startsWith("EROFS");
        assertThat(attempts.get("write into the test's host directory")).startsWith("ENOENT");
        assertThat(attempts.get("write /etc/cron.d")).startsWith("EROFS");
        assertThat(attempts.get("write /usr/local/bin")).startsWith("EROFS");
        assertThat(attempts.get("create /root/.ssh")).startsWith("EROFS");
        assertThat(attempts.get("mount over /etc")).contains("permission denied");
        // the sandbox's /tmp is its own: what lands there never reaches the host
        assertThat(attempts.get("write /tmp")).isEqualTo("written");
        assertThat(Path.of("/tmp/aios-escape-" + token)).doesNotExist();
        assertThat(host.resolve("escape-" + token)).doesNotExist();
        assertThat(Path.of("/etc/cron.d/aios-escape-" + token)).doesNotExist();
        assertThat(Path.of("/usr/local/bin/aios-escape-" + token)).doesNotExist();
    }

    @Test
    void cannotReachTheHostsNetwork() throws IOException {
        Map<String, String> attempts = run.attempts();
        assertThat(attempts.get("connect to the broker on 127.0.0.1:5672")).startsWith("ECONNREFUSED");
        assertThat(attempts.get("connect to the test's port on the host's loopback"))
                .startsWith("ECONNREFUSED");
        assertThat(attempts.get("connect to the host's own address")).startsWith("ENETUNREACH");
        assertThat(attempts.get("connect to the internet")).startsWith("ENETUNREACH");
        assertThat(attempts.get("resolve a name")).startsWith("gaierror");
        hostService.setSoTimeout(200);
        assertThatThrownBy(hostService::accept)
                .as("nobody knocked on the host's port")
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void unboundedAllocationEndsInAMemoryErrorInsideTheSandbox() {
        assertThat(run.attempts().get("allocate without bound")).startsWith("MemoryError");
        assertThat(Runtime.getRuntime().freeMemory()).isPositive();
    }

    @Test
    void aForkBombIsHeldAtTheProcessLimitAndDiesWithTheSandbox() throws Exception {
        // the kernel refused the bomb's forks at the limit
        assertThat(run.output()).contains("FORK REFUSED: Resource temporarily unavailable");
        String count = run.attempts().get("fork bomb");
        assertThat(Integer.parseInt(count.substring(0, count.indexOf(' '))))
                .isBetween(MAX_PROCESSES / 2, MAX_PROCESSES);
        // nothing of it outlived the sandbox, and the agent can still start processes
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(HostProcesses.withArgument("aios-fork-bomb-" + token))
                        .isEmpty());
        assertThat(new ProcessBuilder("true").start().waitFor()).isZero();
    }

    /** The preconditions' own connections must not be mistaken for the sandbox's knocking. */
    private void drainProbeConnections() throws IOException {
        hostService.setSoTimeout(500);
        for (int i = 0; i < 2; i++) {
            try (Socket probe = hostService.accept()) {
                probe.getInetAddress();
            } catch (SocketTimeoutException e) {
                break;
            }
        }
    }
}
