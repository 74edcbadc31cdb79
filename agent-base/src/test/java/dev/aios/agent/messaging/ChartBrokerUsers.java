package dev.aios.agent.messaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * The per-service broker users exactly as the Helm chart provisions them ({@code rabbitmqCredentials} in
 * helm/aios/values.yaml: user name and configure/write/read permissions), created with {@code rabbitmqctl} on the local
 * broker under unique names and a vhost of their own; {@link #close()} deletes the vhost and the users.
 */
final class ChartBrokerUsers implements AutoCloseable {
    record Permissions(String configure, String write, String read) {}

    record User(String service, String name, String password, Permissions permissions) {}

    /** A user as the chart defines it: its name and permissions. */
    record ChartUser(String username, Permissions permissions) {}

    final String vhost;
    private final Map<String, User> users = new LinkedHashMap<>();

    private ChartBrokerUsers(String vhost) {
        this.vhost = vhost;
    }

    /** The chart's definitions: service → permissions, read from the values file the chart renders them from. */
    static Map<String, Permissions> chartPermissions() {
        Map<String, Permissions> result = new LinkedHashMap<>();
        chartUsers().forEach((service, user) -> result.put(service, user.permissions()));
        return result;
    }

    /** service → user name and permissions, from helm/aios/values.yaml. */
    @SuppressWarnings("unchecked")
    static Map<String, ChartUser> chartUsers() {
        Path values = repositoryRoot().resolve("helm/aios/values.yaml");
        try {
            Map<String, Object> root = new Yaml().load(Files.readString(values));
            var credentials = (Map<String, Map<String, Object>>) root.get("rabbitmqCredentials");
            Map<String, ChartUser> result = new LinkedHashMap<>();
            credentials.forEach((service, entry) -> {
                var p = (Map<String, String>) entry.get("permissions");
                result.put(
                        service,
                        new ChartUser(
                                (String) entry.get("username"),
                                new Permissions(p.get("configure"), p.get("write"), p.get("read"))));
            });
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + values + ": " + e.getMessage(), e);
        }
    }

    static ChartBrokerUsers provision() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var provisioned = new ChartBrokerUsers("aios-perm-it-" + suffix);
        rabbitmqctl("add_vhost", provisioned.vhost);
        try {
            chartPermissions().forEach((service, permissions) -> {
                String name = "aios-it-" + suffix + "-" + service;
                String password = UUID.randomUUID().toString();
                rabbitmqctl("add_user", name, password);
                provisioned.users.put(service, new User(service, name, password, permissions));
                rabbitmqctl(
                        "set_permissions",
                        "-p",
                        provisioned.vhost,
                        name,
                        permissions.configure(),
                        permissions.write(),
                        permissions.read());
            });
        } catch (RuntimeException e) {
            provisioned.close();
            throw e;
        }
        return provisioned;
    }

    User user(String service) {
        User user = users.get(service);
        if (user == null) {
            throw new IllegalArgumentException(
                    "the chart provisions no broker user for " + service + ": " + users.keySet());
        }
        return user;
    }

    /** Connections as {@code service}'s user to this vhost on the local broker. */
    AmqpConnections connect(String service) {
        User user = user(service);
        return new AmqpConnections("127.0.0.1", 5672, user.name(), user.password(), vhost, "perm-it-" + service);
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (User user : users.values()) {
            try {
                rabbitmqctl("delete_user", user.name());
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        rabbitmqctl("delete_vhost", vhost);
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("helm/aios"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no helm/aios above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void rabbitmqctl(String... args) {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-q"));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run rabbitmqctl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
