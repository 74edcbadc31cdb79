package dev.aios.agent.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The one place that decides where integration tests find RabbitMQ, PostgreSQL and Redis: the services on 127.0.0.1
 * when they answer, Testcontainers when a Docker engine is there, otherwise a clear failure. Helpers create uniquely
 * named resources (vhost, database, Redis key prefix) that are deleted on close, so parallel runs never collide.
 */
public final class AiosTestInfrastructure {
    private static volatile AiosTestInfrastructure instance;

    private final Endpoint rabbit;
    private final Endpoint postgres;
    private final Endpoint redis;
    private final CommandRunner rabbitctl;

    /** host and port of one service, plus credentials where it has them. */
    public record Endpoint(String host, int port, String username, String password) {}

    private AiosTestInfrastructure(Endpoint rabbit, Endpoint postgres, Endpoint redis, CommandRunner rabbitctl) {
        this.rabbit = rabbit;
        this.postgres = postgres;
        this.redis = redis;
        this.rabbitctl = rabbitctl;
    }

    public static AiosTestInfrastructure get() {
        AiosTestInfrastructure current = instance;
        if (current == null) {
            synchronized (AiosTestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = instance = discover();
                }
            }
        }
        return current;
    }

    public Endpoint rabbit() {
        return rabbit;
    }

    public Endpoint postgres() {
        return postgres;
    }

    public Endpoint redis() {
        return redis;
    }

    /** A fresh RabbitMQ virtual host (guest has full rights on it); deleted with everything in it on close. */
    public TemporaryVhost createVhost() {
        String name = "aios-it-" + UUID.randomUUID().toString().substring(0, 12);
        rabbitctl.run(List.of("add_vhost", name));
        rabbitctl.run(List.of("set_permissions", "-p", name, rabbit.username(), ".*", ".*", ".*"));
        return new TemporaryVhost(name, rabbitctl);
    }

    /** A fresh PostgreSQL database; dropped (with its connections) on close. */
    public TemporaryDatabase createDatabase() {
        String name = "aios_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("postgres", "CREATE DATABASE " + name);
        return new TemporaryDatabase(name, jdbcUrl(name), postgres.username(), postgres.password(), this);
    }

    /** A unique Redis key prefix; every key under it is deleted on close. */
    public TemporaryRedisPrefix createRedisPrefix() {
        return new TemporaryRedisPrefix(
                "aios-it-" + UUID.randomUUID().toString().substring(0, 12) + ":", redis);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + database;
    }

    void execute(String database, String sql) {
        try (Connection connection =
                        DriverManager.getConnection(jdbcUrl(database), postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static AiosTestInfrastructure discover() {
        boolean rabbitUp = answers("127.0.0.1", 5672);
        boolean postgresUp = answers("127.0.0.1", 5432);
        boolean redisUp = answers("127.0.0.1", 6379);
        if (rabbitUp && postgresUp && redisUp) {
            return new AiosTestInfrastructure(
                    new Endpoint("127.0.0.1", 5672, "guest", "guest"),
                    new Endpoint("127.0.0.1", 5432, "postgres", ""),
                    new Endpoint("127.0.0.1", 6379, "", ""),
                    localRabbitctl());
        }
        if (dockerAvailable()) {
            return ContainerServices.start();
        }
        throw new IllegalStateException("integration tests need RabbitMQ (127.0.0.1:5672 " + state(rabbitUp)
                + "), PostgreSQL (127.0.0.1:5432 " + state(postgresUp) + ") and Redis (127.0.0.1:6379 " + state(redisUp)
                + ") running locally, or a Docker engine for Testcontainers; neither is available");
    }

    private static String state(boolean up) {
        return up ? "answers" : "does not answer";
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
        } catch (ClassNotFoundException e) {
            return false;
        }
        return ContainerServices.dockerAvailable();
    }

    /** The management HTTP API when the plugin is on, {@code rabbitmqctl} otherwise. */
    private static CommandRunner localRabbitctl() {
        if (answers("127.0.0.1", 15672)) {
            return new ManagementApi("http://127.0.0.1:15672", "guest", "guest");
        }
        return args -> {
            List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl", "-q"));
            command.addAll(args);
            runProcess(command);
        };
    }

    static void runProcess(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** Runs a rabbitmqctl-style command (add_vhost, delete_vhost, set_permissions). */
    @FunctionalInterface
    interface CommandRunner {
        void run(List<String> args);
    }

    private record ManagementApi(String base, String user, String password) implements CommandRunner {
        @Override
        public void run(List<String> args) {
            String vhost = switch (args.getFirst()) {
                case "set_permissions" -> args.get(2);
                default -> args.get(1);
            };
            String path = "/api/vhosts/" + vhost;
            String method = "PUT";
            String body = "{}";
            if (args.getFirst().equals("delete_vhost")) {
                method = "DELETE";
                body = null;
            } else if (args.getFirst().equals("set_permissions")) {
                path = "/api/permissions/" + vhost + "/" + args.get(3);
                body = "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}";
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30));
            request =
                    body == null ? request.DELETE() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300
                        && !(args.getFirst().equals("delete_vhost") && response.statusCode() == 404)) {
                    throw new IllegalStateException("RabbitMQ management " + args.getFirst() + " answered "
                            + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("RabbitMQ management API unreachable: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A virtual host that exists until closed. */
    public static final class TemporaryVhost implements AutoCloseable {
        private final String name;
        private final CommandRunner rabbitctl;

        TemporaryVhost(String name, CommandRunner rabbitctl) {
            this.name = name;
            this.rabbitctl = rabbitctl;
        }

        public String name() {
            return name;
        }

        @Override
        public void close() {
            rabbitctl.run(List.of("delete_vhost", name));
        }
    }

    /** A database that exists until closed. */
    public record TemporaryDatabase(
            String name, String jdbcUrl, String username, String password, AiosTestInfrastructure owner)
            implements AutoCloseable {
        @Override
        public void close() {
            owner.execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** A Redis key prefix whose keys are deleted on close. */
    public record TemporaryRedisPrefix(String prefix, Endpoint redis) implements AutoCloseable {
        @Override
        public void close() {
            io.lettuce.core.RedisClient client =
                    io.lettuce.core.RedisClient.create("redis://" + redis.host() + ":" + redis.port());
            try (var connection = client.connect()) {
                var commands = connection.sync();
                io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
                do {
                    var page = commands.scan(
                            cursor,
                            io.lettuce.core.ScanArgs.Builder.matches(prefix + "*")
                                    .limit(500));
                    if (!page.getKeys().isEmpty()) {
                        commands.del(page.getKeys().toArray(String[]::new));
                    }
                    cursor = page;
                } while (!cursor.isFinished());
            } finally {
                client.shutdown();
            }
        }
    }

    /** Loaded only when Docker is there, so consumers without Testcontainers on the classpath never touch it. */
    private static final class ContainerServices {
        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                return false;
            }
        }

        static AiosTestInfrastructure start() {
            var rabbit = new org.testcontainers.rabbitmq.RabbitMQContainer("rabbitmq:3.13-management");
            var postgres = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15");
            var redis = new org.testcontainers.containers.GenericContainer<>("redis:7").withExposedPorts(6379);
            rabbit.start();
            postgres.start();
            redis.start();
            CommandRunner rabbitctl = args -> {
                try {
                    var result = rabbit.execInContainer(
                            java.util.stream.Stream.concat(java.util.stream.Stream.of("rabbitmqctl"), args.stream())
                                    .toArray(String[]::new));
                    if (result.getExitCode() != 0) {
                        throw new IllegalStateException("rabbitmqctl " + args + " failed: " + result.getStderr());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            };
            return new AiosTestInfrastructure(
                    new Endpoint(
                            rabbit.getHost(),
                            rabbit.getAmqpPort(),
                            rabbit.getAdminUsername(),
                            rabbit.getAdminPassword()),
                    new Endpoint(
                            postgres.getHost(),
                            postgres.getMappedPort(5432),
                            postgres.getUsername(),
                            postgres.getPassword()),
                    new Endpoint(redis.getHost(), redis.getMappedPort(6379), "", ""),
                    rabbitctl);
        }
    }
}
