package dev.aios.standalone.infra;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis server that ships in the embedded-redis jar, run as a child process on 127.0.0.1 with nothing on disk.
 * The launcher starts and stops it itself: the library's own server class registers a JVM shutdown hook that would
 * stop Redis while the services that use it are still stopping.
 */
final class EmbeddedRedis implements AutoCloseable {
    private final Process process;
    private final int port;

    private EmbeddedRedis(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static EmbeddedRedis start(int port) throws IOException {
        File binary = ExecutableProvider.newJarResourceProvider().get();
        Process process = new ProcessBuilder(List.of(
                        binary.getAbsolutePath(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--protected-mode",
                        "yes"))
                .directory(binary.getParentFile())
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line; (line = output.readLine()) != null; ) {
            said.append(line).append('\n');
            if (line.contains("Ready to accept connections")) {
                // keep draining, or a full pipe would block the server; the pipe closes when Redis stops
                Thread.ofVirtual().start(() -> drain(output));
                return new EmbeddedRedis(process, port);
            }
        }
        process.destroyForcibly();
        throw new IOException("the embedded Redis did not start on 127.0.0.1:" + port + ": "
                + said.toString().strip());
    }

    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // Redis logs nothing the launcher needs once it is ready
            }
        } catch (IOException stopped) {
            // the process ended
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "embedded Redis on 127.0.0.1:" + port;
    }
}
