package dev.aios.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
                Arguments.of("empty brief", "POST", "/api/v1/projects", json, "{\"name\":\"n\",\"brief\":\"\",\"budgetMicros\":100}", 400),
                Arguments.of("oversized brief", "POST", "/api/v1/projects", json,
                        "{\"name\":\"n\",\"brief\":\"" + "x".repeat(20_001) + "\",\"budgetMicros\":100}", 400),
                Arguments.of("missing brief", "POST", "/api/v1/projects", json, "{\"name\":\"n\",\"budgetMicros\":100}", 400),
                Arguments.of("unknown field", "POST", "/api/v1/projects", json,
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":100,\"colour\":\"red\"}", 400),
                Arguments.of("wrong type", "POST", "/api/v1/projects", json, "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":\"lots\"}", 400),
                Arguments.of("malformed json", "POST", "/api/v1/projects", json, "{\"name\":", 400),
                Arguments.of("wrong content type", "POST", "/api/v1/projects", "text/plain", "name=n", 415),
                Arguments.of("negative budget on submit", "POST", "/api/v1/projects", json,
                        "{\"name\":\"n\",\"brief\":\"b\",\"budgetMicros\":-5}", 400),
                Arguments.of("negative budget change", "POST", "/api/v1/projects/{existing}/budget", json, "{\"budgetMicros\":-1}", 400),
                Arguments.of("unknown field in budget change", "POST", "/api/v1/projects/{existing}/budget", json,
                        "{\"budgetMicros\":5,\"extra\":1}", 400),
                Arguments.of("unknown project", "GET", "/api/v1/projects/" + UNKNOWN, null, null, 404),
                Arguments.of("unknown project stop", "POST", "/api/v1/projects/" + UNKNOWN + "/stop", null, null, 404),
                Arguments.of("unknown project budget", "POST", "/api/v1/projects/" + UNKNOWN + "/budget", json, "{\"budgetMicros\":5}", 404),
                Arguments.of("unknown project events", "GET", "/api/v1/projects/" + UNKNOWN + "/events", null, null, 404),
                Arguments.of("unknown project repository", "GET", "/api/v1/projects/" + UNKNOWN + "/repository", null, null, 404),
                Arguments.of("project id not a uuid", "GET", "/api/v1/projects/not-a-uuid", null, null, 400),
                Arguments.of("malformed Last-Event-ID", "GET", "/api/v1/projects/{existing}/events", "lastEventId:abc", null, 400),
                Arguments.of("negative Last-Event-ID", "GET", "/api/v1/projects/{existing}/events", "lastEventId:-3", null, 400),
                Arguments.of("page size zero", "GET", "/api/v1/projects?size=0", null, null, 400),
                Arguments.of("unknown dead-letter queue", "POST", "/api/v1/dlq/nope.dlq/redrive", null, null, 404));
    }

    @ParameterizedTest(name = "{0} → {5}")
    @MethodSource("badRequests")
    void badInputGetsAProblemDetailAndChangesNothing(String name, String method, String path, String contentType, String body, int status)
            throws Exception {
        // given
        String target = path.replace("{existing}", existingProject());
        long eventsBefore = eventCount();
        var request = request(target);
        if (contentType != null && contentType.startsWith("lastEventId:")) {
            request.header("Last-Event-ID", contentType.substring("lastEventId:".length())).header("Accept", "text/event-stream");
        } else if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // when
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // then
        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).as(name).contains("\"status\":" + status).contains("\"title\"");
        assertThat(eventCount()).as(name + " leaves the store unchanged").isEqualTo(eventsBefore);
    }

    private String existingProject() throws Exception {
        if (existing == null) {
            HttpResponse<String> created = http.send(request("/api/v1/projects")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bad-input\",\"brief\":\"b\",\"budgetMicros\":100}"))
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
