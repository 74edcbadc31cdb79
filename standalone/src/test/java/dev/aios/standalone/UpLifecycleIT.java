package dev.aios.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.standalone.infra.FreePorts;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aios up} as a process, the packaged launcher jar: everything it and its embedded services listen on is on
 * loopback, and SIGTERM stops it within seconds, quietly.
 */
class UpLifecycleIT {
    static final Path JAR = Path.of("target/aios-standalone-exec.jar");
    static final Pattern LISTENER = Pattern.compile("^LISTEN\\s+\\S+\\s+\\S+\\s+(\\S+):(\\d+)\\s+.*pid=(\\d+),");

    @TempDir
    Path dir;

    @Test
    void listensOnLoopbackOnlyAndStopsWithinSecondsWithoutErrorsOnSigterm() throws Exception {
        // given the platform started as `./aios up` does, with no model configured
        int api = FreePorts.any();
        int router = FreePorts.any();
        Path log = dir.resolve("up.log");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xmx1g",
                        "-XX:+UseSerialGC",
                        "-jar",
                        JAR.toString(),
                        "up",
                        "--port",
                        Integer.toString(api),
                        "--router-port",
                        Integer.toString(router))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "AIOS_LOCAL_MODEL_URL").forEach(builder.environment()::remove);
        builder.environment().put("AIOS_HOME", dir.resolve("home").toString()); // not the user's ~/.aios
        Process up = builder.start();
        Set<Integer> embeddedPorts = Set.of();
        try {
            try {
                await().atMost(Duration.ofMinutes(5))
                        .ignoreException(ConnectException.class)
                        .until(() -> !up.isAlive()
                                || status(URI.create("http://127.0.0.1:" + api + "/actuator/health/readiness")) == 200);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("not ready within 5 minutes; its output ends:\n" + tail(log), e);
            }
            assertThat(up.isAlive())
                    .as("still running; its output ends:%n%s", tail(log))
                    .isTrue();

            // when the listening sockets of its JVM and of the embedded services it started (which daemonize) are
            // listed
            embeddedPorts = embeddedPorts(Files.readString(log, StandardCharsets.UTF_8));
            List<String> listening = listening(up.pid(), embeddedPorts);

            // then every one is on loopback: the API, the router, the broker, PostgreSQL and Redis
            assertThat(embeddedPorts)
                    .as("the broker, PostgreSQL and Redis ports it printed")
                    .hasSize(3);
            assertThat(listening)
                    .as(String.join("\n", listening))
                    .isNotEmpty()
                    .allSatisfy(address -> assertThat(address).matches("(127\\.\\d+\\.\\d+\\.\\d+|::1):\\d+"))
                    .contains("127.0.0.1:" + api, "127.0.0.1:" + router);
            assertThat(listening.stream()
                            .map(a -> Integer.parseInt(a.substring(a.lastIndexOf(':') + 1)))
                            .toList())
                    .containsAll(embeddedPorts);

            // when it is sent SIGTERM
            long stopping = System.nanoTime();
            up.destroy();

            // then it stops within seconds, and says nothing worse than INFO while stopping
            assertThat(up.waitFor(10, TimeUnit.SECONDS))
                    .as("stopped within 10 s")
                    .isTrue();
            long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
            String output = Files.readString(log, StandardCharsets.UTF_8);
            String shutdown = output.substring(Math.max(0, output.indexOf("stopping: ")));
            assertThat(output).contains("stopping: agents, orchestrator, router, then the embedded services");
            assertThat(shutdown.lines()
                            .filter(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.contains("Exception")))
                    .as("stopped in %d ms:%n%s", stopMillis, shutdown)
                    .isEmpty();
            assertThat(listening(up.pid(), embeddedPorts))
                    .as("no embedded service left listening")
                    .isEmpty();
        } finally {
            up.destroyForcibly();
            // a failed stop must not leave the embedded PostgreSQL and Redis (daemons of their own) behind
            for (long pid : pidsListeningOn(embeddedPorts)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Set<Long> pidsListeningOn(Set<Integer> ports) throws Exception {
        Set<Long> pids = new TreeSet<>();
        Process ss = new ProcessBuilder("ss", "-ltnp").redirectErrorStream(true).start();
        for (String line : new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList()) {
            Matcher m = LISTENER.matcher(line);
            if (m.find() && ports.contains(Integer.parseInt(m.group(2)))) {
                pids.add(Long.parseLong(m.group(3)));
            }
        }
        ss.waitFor(10, TimeUnit.SECONDS);
        return pids;
    }

    private static String tail(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The ports of the "embedded: ... on 127.0.0.1:PORT" lines the launcher printed. */
    private static Set<Integer> embeddedPorts(String output) {
        Matcher m = Pattern.compile("(?m)^embedded: .* on [0-9.]+:(\\d+)$").matcher(output);
        Set<Integer> ports = new TreeSet<>();
        while (m.find()) {
            ports.add(Integer.parseInt(m.group(1)));
        }
        return ports;
    }

    /**
     * {@code ss -ltnp}: the listening TCP sockets of the launcher's JVM and on the embedded services' ports, as
     * address:port; an IPv4-mapped IPv6 address is shown as the IPv4 address it is.
     */
    private static List<String> listening(long pid, Set<Integer> ports) throws Exception {
        Process ss = new ProcessBuilder("ss", "-ltnp").redirectErrorStream(true).start();
        String table = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ss.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> addresses = new ArrayList<>();
        for (String line : table.lines().toList()) {
            Matcher m = LISTENER.matcher(line);
            if (m.find() && (Long.parseLong(m.group(3)) == pid || ports.contains(Integer.parseInt(m.group(2))))) {
                String address = m.group(1).replaceAll("^\\[(?:::ffff:)?(.*)\\]$", "$1");
                addresses.add(address + ":" + m.group(2));
            }
        }
        return addresses;
    }
}
