package dev.aios.orchestrator.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real services on 127.0.0.1, isolated per test JVM: a fresh PostgreSQL database, a fresh RabbitMQ vhost
 * (rabbitmqctl: the management plugin is off here) and a unique Redis key prefix, all removed at the end.
 * Stands in until agent-base's AiosTestInfrastructure test kit is installed.
 */
public final class TestInfrastructure {
    private static final String PG_ADMIN_URL = env("AIOS_IT_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static TestInfrastructure shared;

    public final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    public final String database = "aios_it_" + id;
    public final String vhost = "aios-it-" + id;
    public final String redisPrefix = "aios-it:" + id + ":";

    private TestInfrastructure() {}

    /** One set of resources per test JVM, removed when the JVM exits. */
    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            var infra = new TestInfrastructure();
            infra.create();
            Runtime.getRuntime().addShutdownHook(new Thread(infra::remove));
            shared = infra;
        }
        return shared;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    private void create() {
        sql("CREATE DATABASE " + database);
        run("rabbitmqctl", "-q", "add_vhost", vhost);
        run("rabbitmqctl", "-q", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
    }

    private void remove() {
        try {
            sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (RuntimeException e) {
            System.err.println("could not drop " + database + ": " + e.getMessage());
        }
        try {
            run("rabbitmqctl", "-q", "delete_vhost", vhost);
        } catch (RuntimeException e) {
            System.err.println("could not delete vhost " + vhost + ": " + e.getMessage());
        }
        try {
            redis("EVAL", "for _,k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end return 1", "0",
                    redisPrefix + "*");
        } catch (IOException e) {
            System.err.println("could not clear Redis keys " + redisPrefix + "*: " + e.getMessage());
        }
    }

    /** One RESP command, so cleanup needs no client library or Spring context. */
    private static void redis(String... args) throws IOException {
        try (var socket = new java.net.Socket("127.0.0.1", 6379)) {
            var out = new StringBuilder("*" + args.length + "\r\n");
            for (String a : args) {
                out.append('$').append(a.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            socket.getOutputStream().write(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.getInputStream().read();
        }
    }

    private static void sql(String statement) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "")) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
