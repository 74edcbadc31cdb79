package dev.aios.agent.messaging.qpid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.SystemConfig;

/**
 * An in-process Apache Qpid Broker-J (AMQP 0-9-1, memory store) on 127.0.0.1 for the standalone default; use
 * {@link dev.aios.agent.messaging.QpidDialect} with it. Both configuration files are passed as file URLs because
 * inside a Spring Boot fat jar the {@code classpath:} URL handler Qpid defaults to is missing.
 */
public final class EmbeddedQpidBroker implements AutoCloseable {
    private final SystemLauncher launcher;
    private final Path workDir;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedQpidBroker(SystemLauncher launcher, Path workDir, int port) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.port = port;
    }

    /** Starts a broker on {@code port} (0 = any free port) with one user {@code username}/{@code password}. */
    public static EmbeddedQpidBroker start(int port, String username, String password) {
        int actualPort = port == 0 ? freePort() : port;
        Path workDir;
        try {
            workDir = Files.createTempDirectory("aios-qpid-");
            Path config = workDir.resolve("config.json");
            try (InputStream in = EmbeddedQpidBroker.class.getResourceAsStream("embedded-qpid-config.json")) {
                if (in == null) {
                    throw new IllegalStateException("embedded-qpid-config.json is missing from the classpath");
                }
                Files.copy(in, config);
            }
            Path systemProperties = Files.writeString(workDir.resolve("system.properties"), "");
            Map<String, Object> context = new HashMap<>();
            context.put("qpid.work_dir", workDir.toString());
            context.put("qpid.amqp_port", Integer.toString(actualPort));
            context.put("broker.name", "aios-embedded");
            context.put("aios.qpid.username", username);
            context.put("aios.qpid.password", password);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("type", "Memory");
            attributes.put("initialConfigurationLocation", config.toUri().toString());
            attributes.put(
                    "initialSystemPropertiesLocation", systemProperties.toUri().toString());
            attributes.put("startupLoggedToSystemOut", false);
            attributes.put("context", context);
            AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
            SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
                @Override
                public void onContainerResolve(SystemConfig<?> config) {
                    system.set(config);
                }
            });
            launcher.startup(attributes);
            withoutOwnShutdownHook(system.get());
            return new EmbeddedQpidBroker(launcher, workDir, actualPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded Qpid broker", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the embedded Qpid broker did not start on port " + actualPort + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * The broker registers a JVM shutdown hook of its own, which on SIGTERM stops it at the same moment as everything
     * that still uses it. Whoever embeds it stops it (after its clients), so that hook is removed. Broker-J offers no
     * switch for it: the hook is read from its private field, and if that ever fails the hook simply stays.
     */
    private static void withoutOwnShutdownHook(SystemConfig<?> system) {
        if (system == null || system.getContainer() == null) {
            return;
        }
        try {
            for (Class<?> type = system.getContainer().getClass(); type != null; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (field.getName().equals("_shutdownHook") && Thread.class.isAssignableFrom(field.getType())) {
                        field.setAccessible(true);
                        if (field.get(system.getContainer()) instanceof Thread hook) {
                            Runtime.getRuntime().removeShutdownHook(hook);
                        }
                        return;
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // keep Broker-J's hook: the broker then stops on its own at JVM exit, as it always did
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        launcher.shutdown();
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the embedded broker", e);
        }
    }
}
