package dev.aios.orchestrator.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL 15 cluster of the test's own (initdb in a temp dir, trust auth, free port), run as user postgres
 * because PostgreSQL refuses to run as root. {@link #crash()} is {@code pg_ctl stop -m immediate}: no checkpoint,
 * WAL replay on the next start, exactly what a killed server leaves behind.
 */
final class PrivatePostgres implements AutoCloseable {
    private static final String BIN = "/usr/lib/postgresql/15/bin/";
    final int port;
    private final Path dir;
    private final Path data;

    private PrivatePostgres(int port, Path dir) {
        this.port = port;
        this.dir = dir;
        this.data = dir.resolve("data");
    }

    static PrivatePostgres start() {
        try {
            Path dir = Files.createTempDirectory("aios-fault-pg-");
            var pg = new PrivatePostgres(PrivateProcess.freePort(), dir);
            PrivateProcess.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), Map.of());
            pg.asPostgres(
                    BIN + "initdb",
                    "-D",
                    pg.data.toString(),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "--no-sync",
                    "-E",
                    "UTF8");
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stopQuietly));
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Kills the server without a checkpoint; the port closes before this returns. */
    void crash() {
        asPostgres(BIN + "pg_ctl", "stop", "-D", data.toString(), "-m", "immediate", "-w");
        PrivateProcess.awaitPort(port, false, Duration.ofSeconds(10), "crashed PostgreSQL");
    }

    /** Starts the server (after a crash: with WAL recovery) and waits until it accepts connections. */
    void startServer() {
        asPostgres(
                BIN + "pg_ctl",
                "start",
                "-D",
                data.toString(),
                "-w",
                "-t",
                "60",
                "-l",
                dir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=60");
        PrivateProcess.awaitPort(port, true, Duration.ofSeconds(30), "private PostgreSQL");
    }

    private void asPostgres(String... command) {
        var full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        PrivateProcess.run(full, Map.of());
    }

    private void stopQuietly() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                asPostgres(BIN + "pg_ctl", "stop", "-D", data.toString(), "-m", "immediate", "-w");
            }
        } catch (RuntimeException e) {
            System.err.println("private PostgreSQL stop: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "private PostgreSQL on 127.0.0.1:" + port + " (" + dir + ")";
    }

    @Override
    public void close() {
        stopQuietly();
        PrivateProcess.deleteTree(dir);
    }
}
