package dev.aios.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every kind of bad input gets a 4xx problem detail and leaves the event store as it was. */
class BadInputIT extends OrchestratorIntegrationTest {
    private static final String UNKNOWN = UUID.randomUUID().toString();
    private static String existing;
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> badRequests() {
        String json = "application/json";
        return Stream.of(
                Arguments.of(
                        "empty brief",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"n\",\"brief\":\"\",\"budgetMicros\":100}",
                        400),
                Arguments.of(
                        "oversized brief",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"n\",\"brief\":\"" + "x".repeat(20_001) + "\",\"budgetMicros\":100}",
                        400),
                Arguments.of(
                        "missing brief",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"n\",\"budgetMicros\":100}",
                        400),
                Arguments.of(
                        "NUL in the name",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"a\\u0000b\",\"brief\":\"b\",\"budgetMicros\":100}",
                        400),
                Arguments.of(
                        "control character in the brief",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"n\",\"brief\":\"b\\u0007\",\"budgetMicros\":100}",
                        400),
                Arguments.of("no body", "POST", "/api/v1/projects", json, null, 400),
                Arguments.of(
                        "unknown field",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":100,\"colour\":\"red\"}",
                        400),
                Arguments.of(
                        "wrong type",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":\"lots\"}",
                        400),
                Arguments.of("malformed json", "POST", "/api/v1/projects", json, "{\"name\":", 400),
                Arguments.of("wrong content type", "POST", "/api/v1/projects", "text/plain", "name=n", 415),
                Arguments.of(
                        "negative budget on submit",
                        "POST",
                        "/api/v1/projects",
                        json,
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":-5}",
                        400),
                Arguments.of(
                        "negative budget change",
                        "POST",
                        "/api/v1/projects/{existing}/budget",
                        json,
                        "{\"budgetMicros\":-1}",
                        400),
                Arguments.of(
                        "unknown field in budget change",
                        "POST",
                        "/api/v1/projects/{existing}/budget",
                        json,
                        "{\"budgetMicros\":5,\"extra\":1}",
                        400),
                Arguments.of("unknown project", "GET", "/api/v1/projects/" + UNKNOWN, null, null, 404),
                Arguments.of("unknown project stop", "POST", "/api/v1/projects/" + UNKNOWN + "/stop", null, null, 404),
                Arguments.of(
                        "unknown project budget",
                        "POST",
                        "/api/v1/projects/" + UNKNOWN + "/budget",
                        json,
                        "{\"budgetMicros\":5}",
                        404),
                Arguments.of(
                        "unknown project events", "GET", "/api/v1/projects/" + UNKNOWN + "/events", null, null, 404),
                Arguments.of(
                        "unknown project AG-UI stream",
                        "GET",
                        "/api/v1/projects/" + UNKNOWN + "/agui",
                        null,
                        null,
                        404),
                Arguments.of(
                        "unknown project repository",
                        "GET",
                        "/api/v1/projects/" + UNKNOWN + "/repository",
                        null,
                        null,
                        404),
                Arguments.of("project id not a uuid", "GET", "/api/v1/projects/not-a-uuid", null, null, 400),
                Arguments.of(
                        "malformed Last-Event-ID",
                        "GET",
                        "/api/v1/projects/{existing}/events",
                        "lastEventId:abc",
                        null,
                        400),
                Arguments.of(
                        "negative Last-Event-ID",
                        "GET",
                        "/api/v1/projects/{existing}/events",
                        "lastEventId:-3",
                        null,
                        400),
                Arguments.of(
                        "malformed Last-Event-ID on the AG-UI stream",
                        "GET",
                        "/api/v1/projects/{existing}/agui",
                        "lastEventId:abc",
                        null,
                        400),
                Arguments.of("page size zero", "GET", "/api/v1/projects?size=0", null, null, 400),
                Arguments.of("unknown dead-letter queue", "POST", "/api/v1/dlq/nope.dlq/redrive", null, null, 404));
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("badRequests")
    void badInputGetsAProblemDetailAndChangesNothing(
            String name, String method, String path, String contentType, String body, int status) throws Exception {
        // given
        String target = path.replace("{existing}", existingProject());
        long eventsBefore = eventCount();
        var request = request(target);
        if (contentType != null && contentType.startsWith("lastEventId:")) {
            request.header("Last-Event-ID", contentType.substring("lastEventId:".length()))
                    .header("Accept", "text/event-stream");
        } else if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // when
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // then
        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(name)
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).as(name).contains("\"status\":" + status).contains("\"title\"");
        assertThat(eventCount()).as(name + " leaves the store unchanged").isEqualTo(eventsBefore);
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of(
                        "unknown field",
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":100,\"colour\":\"red\"}",
                        "unknown field 'colour'"),
                Arguments.of(
                        "wrong type",
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":\"lots\"}",
                        "field 'budgetMicros' has the wrong type: expected an integer"),
                Arguments.of(
                        "wrong type in a nested object",
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":1,\"options\":{\"sprintLimit\":[]}}",
                        "field 'options.sprintLimit' has the wrong type"),
                Arguments.of("malformed json", "{\"name\":\n  \"n\" \"brief\"}", "malformed JSON at line 2"),
                Arguments.of("not an object", "[1,2]", "the body must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableBodies")
    void anUnreadableBodyIsAProblemThatSaysWhatIsWrongWithIt(String name, String body, String detail) throws Exception {
        // given
        long eventsBefore = eventCount();
        // when
        HttpResponse<String> response = http.send(
                request("/api/v1/projects")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"title\":\"Unreadable request body\"")
                .contains(detail);
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    static Stream<Arguments> requestsTomcatRefuses() {
        return Stream.of(
                Arguments.of("invalid character in the target", "GET /api/v1/projects?q={x} HTTP/1.1"),
                Arguments.of("malformed request line", "GET /api/v1/projects HTTP/1.1 extra"),
                Arguments.of("malformed header", "GET /api/v1/projects HTTP/1.1\r\nBad Header: x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsTomcatRefuses")
    void aRequestTheServerCannotParseIsAProblemDetailNotAnHtmlPage(String name, String head) throws Exception {
        // given: a request the servlet container refuses before the application sees it
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            // when
            socket.getOutputStream()
                    .write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // then
            assertThat(response).as(name).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase(Locale.ROOT))
                    .as(name)
                    .contains("content-type: application/problem+json")
                    .doesNotContain("<html");
            assertThat(response).as(name).contains("\"status\":400").contains("\"title\":\"Bad Request\"");
        }
    }

    private String existingProject() throws Exception {
        if (existing == null) {
            HttpResponse<String> created = http.send(
                    request("/api/v1/projects")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\":\"bad-input\",\"brief\":\"b\",\"budgetMicros\":100}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(202);
            existing = created.headers().firstValue("Location").orElseThrow().substring("/api/v1/projects/".length());
        }
        return existing;
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM events", Long.class);
    }
}
