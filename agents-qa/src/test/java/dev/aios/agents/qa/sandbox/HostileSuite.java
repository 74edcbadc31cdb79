package dev.aios.agents.qa.sandbox;

import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TestReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile generated test suite ({@code escapes/test_escapes.py}) filled in for one run, and what it printed: one
 * {@code ATTEMPT <what>: <result>} line per escape attempt.
 */
public final class HostileSuite {
    private static final Pattern ATTEMPT = Pattern.compile("(?m)^ATTEMPT (.+?): (.*)$");

    public record Run(TestReport report, String output, Map<String, String> attempts) {}

    private HostileSuite() {}

    /** The suite's source, pointed at this JVM, a directory and a port of the host, and a token marking its files. */
    public static String source(Path hostDir, int hostPort, String token) {
        try (InputStream in = HostileSuite.class.getResourceAsStream("/escapes/test_escapes.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(
                            "@AGENT_PID@", Long.toString(ProcessHandle.current().pid()))
                    .replace("@HOST_DIR@", hostDir.toString())
                    .replace("@HOST_PORT@", Integer.toString(hostPort))
                    .replace("@HOST_ADDRESS@", hostAddress())
                    .replace("@TOKEN@", token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<FileContent> files(Path hostDir, int hostPort, String token) {
        return List.of(
                FileContent.text("tests/__init__.py", ""),
                FileContent.text("tests/test_escapes.py", source(hostDir, hostPort, token)));
    }

    public static Run run(Sandbox sandbox, List<FileContent> files) throws Exception {
        return of(SandboxTest.tested(sandbox, files));
    }

    public static Run of(TestReport report) {
        Map<String, String> attempts = new LinkedHashMap<>();
        Matcher m = ATTEMPT.matcher(report.outputTail());
        while (m.find()) {
            attempts.put(m.group(1), m.group(2).strip());
        }
        return new Run(report, report.outputTail(), attempts);
    }

    /** An IPv4 address of this host other than loopback: what a process with the host's network could reach. */
    public static String hostAddress() {
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : nic.inetAddresses().toList()) {
                        if (address instanceof Inet4Address) {
                            return address.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("this host has no IPv4 address but loopback: the network test needs one");
    }

    /** Precondition: from the host, the target answers; so a refusal from inside the sandbox is the sandbox's doing. */
    public static void assertReachableFromTheHost(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(address), port), 2000);
        } catch (IOException e) {
            throw new AssertionError(address + ":" + port + " must be reachable from the host for this test: " + e, e);
        }
    }
}
