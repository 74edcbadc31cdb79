package dev.aios.orchestrator.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A second RabbitMQ 3.10 node of the test's own: its own node name, ports, data and log dirs, an empty plugin list
 * (no management listener), a config file that replaces /etc/rabbitmq's (which binds 5672) and a fresh Erlang
 * cookie in a HOME of its own, so it neither touches nor trusts the shared node. Runs as user rabbitmq.
 * {@link #kill()} is {@code kill -9} of its Erlang VM; {@link #startNode()} starts it again on the same data.
 */
final class PrivateRabbit implements AutoCloseable {
    final int port;
    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private Process process;

    private PrivateRabbit(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static PrivateRabbit start() {
        try {
            Path dir = Files.createTempDirectory("aios-fault-rabbit-");
            var rabbit = new PrivateRabbit(PrivateProcess.freePort(), dir);
            String node = "aiosfault" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
            Files.writeString(
                    dir.resolve("rabbitmq.conf"),
                    "listeners.tcp.local = 127.0.0.1:" + rabbit.port + "\n" + "loopback_users.guest = true\n");
            Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
            Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
            Files.writeString(
                    dir.resolve(".erlang.cookie"), UUID.randomUUID().toString().replace("-", ""));
            PrivateProcess.run(List.of("chown", "-R", "rabbitmq:rabbitmq", dir.toString()), Map.of());
            PrivateProcess.run(
                    List.of("chmod", "400", dir.resolve(".erlang.cookie").toString()), Map.of());
            rabbit.env.putAll(Map.ofEntries(
                    Map.entry("HOME", dir.toString()),
                    Map.entry("RABBITMQ_NODENAME", node),
                    Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
                    Map.entry("RABBITMQ_NODE_PORT", Integer.toString(rabbit.port)),
                    Map.entry("RABBITMQ_DIST_PORT", Integer.toString(PrivateProcess.freePort())),
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
            rabbit.startNode();
            return rabbit;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the node (again) and waits until its AMQP port answers. */
    void startNode() {
        process = PrivateProcess.start(
                List.of(
                        "runuser",
                        "-u",
                        "rabbitmq",
                        "--",
                        "env",
                        "HOME=" + env.get("HOME"),
                        "/usr/lib/rabbitmq/bin/rabbitmq-server"),
                dir.resolve("console.log"),
                env);
        PrivateProcess.awaitPort(port, true, Duration.ofSeconds(90), "private RabbitMQ node");
    }

    /** kill -9 of the node's Erlang VM (beam.smp), nothing else; returns once the port is closed. */
    void kill() {
        List<ProcessHandle> beams = process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("beam.smp")).orElse(false))
                .toList();
        if (beams.isEmpty()) {
            throw new IllegalStateException("no beam.smp under the private node's process " + process.pid());
        }
        beams.forEach(ProcessHandle::destroyForcibly); // SIGKILL
        PrivateProcess.awaitPort(port, false, Duration.ofSeconds(10), "killed RabbitMQ node");
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "private RabbitMQ node " + env.get("RABBITMQ_NODENAME") + " on 127.0.0.1:" + port + " (" + dir + ")";
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            PrivateProcess.stop(process);
        }
        PrivateProcess.deleteTree(dir);
    }
}
