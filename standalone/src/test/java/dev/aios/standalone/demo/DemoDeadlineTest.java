package dev.aios.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sprint that never ends must not hang the demo: at the deadline the project is stopped and the run fails. */
class DemoDeadlineTest {
    private final HttpServer api;
    private final AtomicBoolean stopped = new AtomicBoolean();

    @TempDir
    Path out;

    DemoDeadlineTest() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String id = "0b1d2c3e-0000-4000-8000-000000000001";
        api.createContext("/api/v1/projects", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/events")) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    for (int i = 0; i < 600; i++) { // heartbeats only, for up to a minute
                        body.write(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
                        body.flush();
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    // the client hung up
                }
            } else if (path.endsWith("/stop")) {
                stopped.set(true);
                exchange.sendResponseHeaders(202, -1);
            } else {
                byte[] accepted = ("{\"id\":\"" + id + "\",\"location\":\"/api/v1/projects/" + id
                                + "\",\"events\":\"/api/v1/projects/" + id + "/events\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", "/api/v1/projects/" + id);
                exchange.sendResponseHeaders(202, accepted.length);
                exchange.getResponseBody().write(accepted);
                exchange.close();
            }
        });
        api.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        api.start();
    }

    @AfterEach
    void stopServer() {
        api.stop(0);
    }

    @Test
    void aSprintThatNeverFinishesIsStoppedAtTheDeadline() {
        // given a demo run with a one-second deadline against an API whose stream only ever sends heartbeats
        DemoRun run = new DemoRun(
                URI.create("http://127.0.0.1:" + api.getAddress().getPort()),
                "a-token",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Duration.ofSeconds(1));

        // when it runs, then it fails with the reason and stopped the project
        assertThatThrownBy(() -> run.run(DemoRun.Submission.of("stuck", "a brief", 1_000_000), List.of(), out))
                .hasMessageContaining("did not finish within")
                .hasMessageContaining("it was stopped");
        assertThat(stopped).isTrue();
    }
}
