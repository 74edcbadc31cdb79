package dev.aios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code approve}, {@code reject} and {@code revoke} against a fake server that records what it was sent. */
class ApproveCommandTest {
    private static final String ID = "3f2b8c1e-0000-4000-8000-000000000001";
    private static final String APPROVALS = "/api/v1/projects/" + ID + "/approvals";

    @TempDir
    Path home;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String waiting = "[]";
    private Map<String, String> env;

    @BeforeEach
    void aFakeServer() throws IOException {
        Files.writeString(home.resolve("admin.token"), "header.payload.signature\n");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + (body.isEmpty() ? "" : " " + body));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/api/v1/revocations")) {
                answer(exchange, 201, "{\"subject\":\"bob@acme\",\"revokedBefore\":\"2026-12-03T10:00:01Z\"}");
                return;
            }
            String item = path.equals(APPROVALS) ? "" : path.split("/")[6];
            // the kind as the server names it: backlog-1, sprint-2-1, change-A-1
            String kind = item.startsWith("change-") ? "risky-change" : item.replaceAll("-.*", "");
            String answer = path.equals(APPROVALS)
                    ? waiting
                    : "{\"item\":\"" + item + "\",\"kind\":\"" + kind + "\",\"status\":\"GRANTED\"}";
            answer(exchange, path.equals(APPROVALS) ? 200 : 202, answer);
        });
        server.start();
        env = Map.of(
                "AIOS_HOME",
                home.toString(),
                "AIOS_URL",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String item(String id, String status) {
        return "{\"item\":\"" + id + "\",\"kind\":\"risky-change\",\"status\":\"" + status
                + "\",\"what\":[],\"why\":[]}";
    }

    @Test
    void withoutAnItemTheOnlyWaitingOneIsApproved() {
        // given
        waiting = "[" + item("change-A-1", "GRANTED") + "," + item("backlog-1", "WAITING") + "]";
        // when
        Run run = Run.of(env, "approve", ID);
        // then
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("approved backlog-1 of " + ID + " (backlog)\n");
        assertThat(requests).containsExactly("GET " + APPROVALS, "POST " + APPROVALS + "/backlog-1/grant");
    }

    @Test
    void withoutAnItemWhenSeveralWaitItIsBadUsageListingThemAndNothingIsApproved() {
        // given
        waiting = "[" + item("change-A-1", "WAITING") + "," + item("change-B-1", "WAITING") + "]";
        // when
        Run run = Run.of(env, "approve", ID);
        // then
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("aios: 2 items wait: change-A-1, change-B-1; name one: ./aios approve " + ID + " ITEM")
                .hasLineCount(1);
        assertThat(requests).containsExactly("GET " + APPROVALS);
    }

    @Test
    void withoutAnItemWhenNothingWaitsItFails() {
        // when
        Run run = Run.of(env, "approve", ID);
        // then
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("aios: nothing of project " + ID + " waits for approval\n");
    }

    @Test
    void aRejectionSendsTheFeedbackAsJson() {
        // when
        Run run = Run.of(env, "reject", ID, "change-A-1", "--feedback", "Keep \"deploy\" out of CI.");
        // then
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("rejected change-A-1 of " + ID + " (risky-change): the agent redoes its task with the"
                        + " feedback; the new change waits for a person if it is still risky\n");
        assertThat(requests)
                .containsExactly(
                        "POST " + APPROVALS + "/change-A-1/reject {\"feedback\":\"Keep \\\"deploy\\\" out of CI.\"}");
    }

    @Test
    void aSprintsPlanIsRejectedLeavingTasksOutForALaterSprint() {
        // when
        Run run =
                Run.of(env, "reject", ID, "sprint-2-1", "--feedback", "Not yet.", "--defer", "T4,T5", "--defer", "T4");
        // then
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(requests)
                .containsExactly("POST " + APPROVALS
                        + "/sprint-2-1/reject {\"feedback\":\"Not yet.\",\"deferTasks\":[\"T4\",\"T5\"]}");
        assertThat(run.out())
                .contains("(sprint): the sprint is planned again without T4, T5 (and what depends on them)");
    }

    @Test
    void aRevocationSendsTheSubjectAndReasonAsJsonAndSaysFromWhenTheTokensAreRefused() {
        // when
        Run run = Run.of(env, "revoke", "bob@acme", "--reason", "pasted in \"#general\"");
        // then
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(requests)
                .containsExactly(
                        "POST /api/v1/revocations {\"subject\":\"bob@acme\",\"reason\":\"pasted in \\\"#general\\\"\"}");
        assertThat(run.out())
                .isEqualTo(
                        "revoked the tokens of bob@acme issued before 2026-12-03T10:00:01Z; a token issued since works\n");
    }

    @Test
    void aSprintsPlanRejectedWithFeedbackAloneSaysTheSameTasksComeBack() {
        // when
        Run run = Run.of(env, "reject", ID, "sprint-2-1", "--feedback", "Smaller, please.");
        // then it does not promise a new plan the planner will not make
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("(sprint): the sprint comes back with the same tasks");
    }
}
