package dev.aios.orchestrator.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import dev.aios.orchestrator.support.ScriptedAgents;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import java.util.zip.ZipInputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A brief goes in over HTTP; scripted agents answer over the real broker; a repository comes out. */
class ProjectDeliveryIT extends OrchestratorIntegrationTest {
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static ScriptedAgents agents;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startAgentsOnceTheAppDeclaredTheQueues() throws Exception {
        if (agents == null) {
            agents = new ScriptedAgents(INFRA.vhost);
        }
    }

    @AfterAll
    static void stopAgents() throws Exception {
        if (agents != null) {
            agents.close();
            agents = null;
        }
    }

    String submit(String name) throws Exception {
        HttpResponse<String> response = http.send(
                request("/api/v1/projects")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name
                                + "\",\"brief\":\"A todo app with an API and a web page.\",\"budgetMicros\":5000000}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).isTrue();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/projects/" + m.group(1));
        return m.group(1);
    }

    String get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void briefBecomesADeliveredRepositoryWithOneCommitPerTask() throws Exception {
        // given
        String id = submit("todo");
        // when
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get("/api/v1/projects/" + id)).contains("\"status\":\"DELIVERED\""));
        // then
        assertThat(get("/api/v1/projects/" + id)).contains("\"tasksDone\":3", "\"tasksTotal\":3");
        assertThat(get("/api/v1/projects/" + id + "/tasks")).contains("\"taskId\":\"A\"", "\"status\":\"DONE\"");
        assertThat(get("/api/v1/projects/" + id + "/sprints")).contains("\"number\":1", "\"status\":\"COMPLETED\"");

        HttpResponse<InputStream> zip = http.send(
                request("/api/v1/projects/" + id + "/repository").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(zip.statusCode()).isEqualTo(200);
        Path dir = Files.createTempDirectory("repo-it-");
        try (var in = new ZipInputStream(zip.body())) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = dir.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        try (Git git = Git.open(dir.resolve("todo").toFile())) {
            List<RevCommit> log =
                    StreamSupport.stream(git.log().call().spliterator(), false).toList();
            assertThat(log).hasSize(3);
            assertThat(log)
                    .extracting(RevCommit::getShortMessage)
                    .containsExactlyInAnyOrder("A: API", "B: Web page", "C: Dockerfile");
            assertThat(log.getLast().getShortMessage()).isEqualTo("A: API");
            assertThat(log)
                    .allSatisfy(c ->
                            assertThat(c.getFullMessage()).contains("Agent: ").contains("Task: "));
            assertThat(log)
                    .allSatisfy(c ->
                            assertThat(c.getAuthorIdent().getName()).matches("AIOS (Backend|Frontend|DevOps) Agent"));
            assertThat(log.getFirst().getFullMessage()).contains("-agent-1)");
        }
        assertThat(Files.readString(dir.resolve("todo/src/A.txt"))).isEqualTo("work of A\n");
    }

    @Test
    void eventStreamResumesAfterADroppedConnectionWithNoGapAndNoDuplicate() throws Exception {
        // given: a project under way and a client that reads three events, then drops the connection
        String id = submit("streamed");
        List<Long> seen = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        readEvents(id, null, 3, seen, comments);
        assertThat(seen).hasSize(3);
        // when: it reconnects with the last id it saw and reads to the end
        readEvents(id, Long.toString(seen.getLast()), Integer.MAX_VALUE, seen, comments);
        // then
        Long stored = jdbc.queryForObject(
                "SELECT max(stream_version) FROM events WHERE stream_id = ?", Long.class, "project-" + id);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, stored)
                        .boxed()
                        .toList());
        assertThat(get("/api/v1/projects/" + id)).contains("\"status\":\"DELIVERED\"");
    }

    @Test
    void aStreamResumedAfterTheFinalEventEndsAtOnceInsteadOfWaitingForever() throws Exception {
        // given: a delivered project and the number of its final event
        String id = submit("finished");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get("/api/v1/projects/" + id)).contains("\"status\":\"DELIVERED\""));
        Long last = jdbc.queryForObject(
                "SELECT max(stream_version) FROM events WHERE stream_id = ?", Long.class, "project-" + id);
        List<Long> seen = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        // when: a client resumes after that event (readEvents fails unless the server ends the stream)
        readEvents(id, Long.toString(last), Integer.MAX_VALUE, seen, comments);
        // then
        assertThat(seen).isEmpty();
        assertThat(comments).doesNotContain(":heartbeat");
    }

    @Test
    void theAgUiStreamIsOneRunWhoseIdsAreStreamVersionsAndEndsAtOnceWhenResumedAfterItsEnd() throws Exception {
        // given: a delivered project
        String id = submit("agui");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get("/api/v1/projects/" + id)).contains("\"status\":\"DELIVERED\""));
        Long last = jdbc.queryForObject(
                "SELECT max(stream_version) FROM events WHERE stream_id = ?", Long.class, "project-" + id);
        // when: a client reads its AG-UI stream, then resumes after the last id it saw
        List<String> data = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        readAgui(id, null, data, ids);
        List<String> resumed = new ArrayList<>();
        readAgui(id, Long.toString(ids.getLast()), resumed, new ArrayList<>());
        // then: one run from RUN_STARTED to RUN_FINISHED, ids ascending stream versions up to the final one
        assertThat(data.getFirst()).startsWith("{\"type\":\"RUN_STARTED\"").contains("\"threadId\":\"" + id + "\"");
        assertThat(data.get(1)).startsWith("{\"type\":\"STATE_SNAPSHOT\"");
        assertThat(data.getLast())
                .startsWith("{\"type\":\"RUN_FINISHED\"")
                .contains("\"outcome\":{\"type\":\"success\"}");
        assertThat(data).filteredOn(d -> d.contains("\"type\":\"RUN_")).hasSize(2);
        assertThat(ids).isSorted().doesNotHaveDuplicates().last().isEqualTo(last);
        assertThat(resumed).isEmpty();
    }

    /** Reads an AG-UI stream to its end: each event's data line, and the ids. */
    void readAgui(String id, String lastEventId, List<String> data, List<Long> ids) throws Exception {
        var request = request("/api/v1/projects/" + id + "/agui")
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    ids.add(Long.parseLong(line.substring(3).trim()));
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                }
            }
        }
    }

    @Test
    void aProjectNamedDotDotDownloadsIntoADirectoryOfItsOwn() throws Exception {
        // given: a project whose name would climb out of an extractor's target directory
        String id = submit("..");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(get("/api/v1/projects/" + id)).contains("\"status\":\"DELIVERED\""));
        // when
        HttpResponse<InputStream> zip = http.send(
                request("/api/v1/projects/" + id + "/repository").build(), HttpResponse.BodyHandlers.ofInputStream());
        // then: every entry sits under one plain directory
        List<String> names = new ArrayList<>();
        try (var in = new ZipInputStream(zip.body())) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith("project/").doesNotContain(".."));
        assertThat(names).contains("project/.git/HEAD");
    }

    @Test
    void idleStreamSendsHeartbeatComments() throws Exception {
        // given: a project that waits forever for a CTO that never answers in time
        agents.cto(plan -> null);
        try {
            String id = submit("quiet");
            List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
            // when: the client reads past the two stored events into the quiet period
            readEventsFor(id, null, Duration.ofMillis(1800), seen, comments);
            // then
            assertThat(seen).containsExactly(1L, 2L);
            assertThat(comments).contains(":heartbeat");
        } finally {
            agents.cto(ScriptedAgents::threeTaskBacklog);
        }
    }

    @Test
    void aStreamResumedAtTheHeadOfAQuietProjectIsAnsweredBeforeItsFirstHeartbeat() throws Exception {
        // given: a project that waits for a CTO that never answers in time, and a client that has its two events
        agents.cto(plan -> null);
        try {
            String id = submit("quiet-resumed");
            List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
            // when: the client resumes after the second event, with nothing new to send
            readEventsFor(id, "2", Duration.ofMillis(1300), seen, comments);
            // then: the stream opened (headers and an :open comment) before the first heartbeat, which until then was
            // the first write and so what sent the response's headers
            assertThat(seen).isEmpty();
            assertThat(comments).startsWith(":open", ":heartbeat");
        } finally {
            agents.cto(ScriptedAgents::threeTaskBacklog);
        }
    }

    /** Reads up to {@code max} events (or until the server completes the stream) within 60 s, then disconnects. */
    void readEvents(String id, String lastEventId, int max, List<Long> ids, List<String> comments) throws Exception {
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var reader = Thread.ofVirtual().start(() -> {
            try {
                readEventsUnbounded(id, lastEventId, max, ids, comments);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        assertThat(reader.join(Duration.ofSeconds(60)))
                .as("stream ended in time")
                .isTrue();
        assertThat(failure.get()).isNull();
    }

    void readEventsUnbounded(String id, String lastEventId, int max, List<Long> ids, List<String> comments)
            throws Exception {
        var request = request("/api/v1/projects/" + id + "/events").header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        int read = 0;
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && read < max; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    ids.add(Long.parseLong(line.substring(3).trim()));
                    read++;
                } else if (line.startsWith(":")) {
                    comments.add(line.replace(" ", ""));
                }
            }
        }
    }

    void readEventsFor(String id, String lastEventId, Duration window, List<Long> ids, List<String> comments)
            throws Exception {
        var reader = Thread.ofVirtual().start(() -> {
            try {
                readEventsUnbounded(id, lastEventId, Integer.MAX_VALUE, ids, comments);
            } catch (Exception ignored) {
                // interrupted when the window closes
            }
        });
        reader.join(window);
        reader.interrupt(); // the thread ends when the server side of the stream closes with the test context
    }
}
