package dev.aios.orchestrator.faults;

import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A Redis server of the test's own (no persistence, free port, temp dir), so it can be wiped without harm. */
final class PrivateRedis implements AutoCloseable {
    final int port;
    private final Path dir;
    private final Process process;
    private final RedisClient client;

    private PrivateRedis(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
        this.client = RedisClient.create("redis://127.0.0.1:" + port);
    }

    static PrivateRedis start() {
        try {
            int port = PrivateProcess.freePort();
            Path dir = Files.createTempDirectory("aios-fault-redis-");
            Process process = PrivateProcess.start(
                    List.of(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--daemonize",
                            "no",
                            "--dir",
                            dir.toString()),
                    dir.resolve("redis.log"),
                    Map.of());
            PrivateProcess.awaitPort(port, true, Duration.ofSeconds(15), "private redis-server");
            return new PrivateRedis(port, dir, process);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** FLUSHALL on this private server only. */
    void flushAll() {
        try (var connection = client.connect()) {
            connection.sync().flushall();
        }
    }

    boolean exists(String key) {
        try (var connection = client.connect()) {
            return connection.sync().exists(key) == 1;
        }
    }

    /** Member to score of a sorted set. */
    Map<String, Double> sortedSet(String key) {
        try (var connection = client.connect()) {
            var out = new java.util.HashMap<String, Double>();
            connection.sync().zrangeWithScores(key, 0, -1).forEach(v -> out.put(v.getValue(), v.getScore()));
            return out;
        }
    }

    @Override
    public String toString() {
        return "private redis-server on 127.0.0.1:" + port + " (" + dir + ")";
    }

    @Override
    public void close() {
        client.shutdown();
        PrivateProcess.stop(process);
        PrivateProcess.deleteTree(dir);
    }
}
