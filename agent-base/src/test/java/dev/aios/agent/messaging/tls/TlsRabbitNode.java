package dev.aios.agent.messaging.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private RabbitMQ node that listens only on an AMQPS port: its own node name, ports, config, data and log dirs and
 * Erlang cookie in a temp dir (the shared node's config is never read or touched); it requires a client certificate
 * signed by the test CA. Runs as user rabbitmq; {@link #close()} stops it and deletes every file it made.
 */
public final class TlsRabbitNode implements AutoCloseable {
    public final int port;
    /** The management HTTP API on 127.0.0.1 (plain HTTP), or 0 when the node runs without it. */
    public final int managementPort;

    public final TestCertificates certificates;
    private final Path dir;
    private final Process process;

    private TlsRabbitNode(int port, int managementPort, TestCertificates certificates, Path dir, Process process) {
        this.port = port;
        this.managementPort = managementPort;
        this.certificates = certificates;
        this.dir = dir;
        this.process = process;
    }

    public static TlsRabbitNode start() {
        return start(false);
    }

    /** With {@code management}, also the management plugin's HTTP API on a free loopback port. */
    public static TlsRabbitNode start(boolean management) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("aios-amqps-rabbit-");
            Path pki = Files.createDirectory(dir.resolve("pki"));
            TestCertificates certificates = TestCertificates.createIn(pki);
            int port = freePort();
            int managementPort = management ? freePort() : 0;
            Files.writeString(
                    dir.resolve("rabbitmq.conf"),
                    (management ? "management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = " + managementPort + "\n" : "")
                            + String.join(
                                    "\n",
                                    "listeners.tcp = none",
                                    "listeners.ssl.default = 127.0.0.1:" + port,
                                    "ssl_options.cacertfile = " + certificates.file("ca.pem"),
                                    "ssl_options.certfile = " + certificates.file("server.pem"),
                                    "ssl_options.keyfile = " + certificates.file("server.key"),
                                    "ssl_options.verify = verify_peer",
                                    "ssl_options.fail_if_no_peer_cert = true",
                                    "loopback_users.guest = true",
                                    ""));
            Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
            Files.writeString(dir.resolve("enabled_plugins"), management ? "[rabbitmq_management].\n" : "[].\n");
            Files.writeString(
                    dir.resolve(".erlang.cookie"), UUID.randomUUID().toString().replace("-", ""));
            run(List.of("chown", "-R", "rabbitmq:rabbitmq", dir.toString()));
            run(List.of("chmod", "400", dir.resolve(".erlang.cookie").toString()));
            Map<String, String> env = new HashMap<>(Map.ofEntries(
                    Map.entry("HOME", dir.toString()),
                    Map.entry(
                            "RABBITMQ_NODENAME",
                            "aiosamqps" + UUID.randomUUID().toString().substring(0, 8) + "@localhost"),
                    Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                    Map.entry("RABBITMQ_DIST_PORT", Integer.toString(freePort())),
                    Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString()),
                    Map.entry(
                            "RABBITMQ_ADVANCED_CONFIG_FILE",
                            dir.resolve("advanced.config").toString()),
                    Map.entry(
                            "RABBITMQ_CONF_ENV_FILE",
                            dir.resolve("rabbitmq-env.conf").toString()),
                    Map.entry(
                            "RABBITMQ_ENABLED_PLUGINS_FILE",
                            dir.resolve("enabled_plugins").toString()),
                    Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
                    Map.entry("RABBITMQ_LOG_BASE", dir.resolve("log").toString()),
                    Map.entry("RABBITMQ_PID_FILE", dir.resolve("node.pid").toString()),
                    Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1")));
            var builder = new ProcessBuilder(
                            "runuser",
                            "-u",
                            "rabbitmq",
                            "--",
                            "env",
                            "HOME=" + dir,
                            "/usr/lib/rabbitmq/bin/rabbitmq-server")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("console.log").toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> process.descendants().forEach(ProcessHandle::destroyForcibly)));
            var node = new TlsRabbitNode(port, managementPort, certificates, dir, process);
            node.awaitPort(port, Duration.ofSeconds(90));
            if (management) {
                node.awaitPort(managementPort, Duration.ofSeconds(60));
            }
            return node;
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                deleteTree(dir);
            }
            throw new IllegalStateException("cannot start a private AMQPS RabbitMQ node: " + e.getMessage(), e);
        }
    }

    private void awaitPort(int port, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!answers(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = "";
                try {
                    log = Files.readString(dir.resolve("console.log"));
                } catch (IOException ignored) {
                    // no log yet
                }
                close();
                throw new IllegalStateException(
                        "the private AMQPS node did not open port " + port + " within " + within + ":\n" + log);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200); // a port to poll: nothing to await on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    children.forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        deleteTree(dir);
    }

    private static boolean answers(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
