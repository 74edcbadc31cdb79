package dev.aios.standalone.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

/**
 * Apache Qpid Broker-J in this JVM: AMQP 0-9-1 on 127.0.0.1, in-memory store, one virtual host. How the adapter
 * treats it differently from RabbitMQ lives in agent-base's {@code QpidDialect}.
 */
final class EmbeddedBroker implements AutoCloseable {
    static final String USER = "aios";
    static final String PASSWORD = "aios-embedded";
    static final String VIRTUAL_HOST = "default";

    private final SystemLauncher launcher;
    private final Path workDirectory;
    private final int port;

    private EmbeddedBroker(SystemLauncher launcher, Path workDirectory, int port) {
        this.launcher = launcher;
        this.workDirectory = workDirectory;
        this.port = port;
    }

    static EmbeddedBroker start(int port) throws Exception {
        Path work = Files.createTempDirectory("aios-qpid-");
        // file: URLs, not classpath: ones - the classpath URL handler is missing inside a Spring Boot fat jar
        Path config = copyResource("/qpid/aios-embedded-broker.json", work.resolve("initial-config.json"));
        Path systemProperties = Files.writeString(work.resolve("system.properties"), "");

        Map<String, String> context = new HashMap<>();
        context.put("qpid.amqp_port", Integer.toString(port));
        context.put("qpid.work_dir", work.toString());
        context.put("qpid.home_dir", work.toString());
        context.put("aios.broker.user", USER);
        context.put("aios.broker.password", PASSWORD);

        Map<String, Object> attributes = new HashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toUri().toString());
        attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toUri().toString());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put(SystemConfig.CONTEXT, context);

        SystemLauncher launcher = new SystemLauncher();
        launcher.startup(attributes);
        return new EmbeddedBroker(launcher, work, port);
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing launcher resource " + resource);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public void close() throws IOException {
        launcher.shutdown();
        try (var files = Files.walk(workDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    public String toString() {
        return "embedded Qpid Broker-J on port " + port;
    }
}
