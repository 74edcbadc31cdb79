package dev.aios.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A person changes the budget and stops a project; the stream of a stopped project completes. */
class ProjectControlIT extends OrchestratorIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        var request = request(path).timeout(Duration.ofSeconds(20));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void budgetChangeAndStopAreRecordedAndAStoppedProjectCannotBeStoppedTwice() throws Exception {
        // given
        HttpResponse<String> created =
                send("POST", "/api/v1/projects", "{\"name\":\"control\",\"brief\":\"b\",\"budgetMicros\":100}");
        String path = created.headers().firstValue("Location").orElseThrow();
        // when
        HttpResponse<String> budget = send("POST", path + "/budget", "{\"budgetMicros\":900}");
        HttpResponse<String> stop = send("POST", path + "/stop", null);
        HttpResponse<String> again = send("POST", path + "/stop", null);
        // then
        assertThat(budget.statusCode()).isEqualTo(202);
        assertThat(budget.body()).contains("\"budgetMicros\":900");
        assertThat(stop.statusCode()).isEqualTo(202);
        assertThat(stop.body()).contains("\"status\":\"STOPPED\"", "\"stopReason\":\"stopped by a person\"");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        // and the project's event stream replays everything and completes after ProjectStopped
        HttpResponse<String> events = http.send(
                request(path + "/events")
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(events.body())
                .contains("event:ProjectSubmitted", "event:PlanProject", "event:BudgetChanged", "event:ProjectStopped");
        assertThat(events.body().trim()).endsWith("}");
    }

    @Test
    void withoutARouterConfiguredTheBudgetViewSaysReservedIsNotReported() throws Exception {
        // given: this orchestrator has no router address or token (the default)
        HttpResponse<String> created =
                send("POST", "/api/v1/projects", "{\"name\":\"gauge\",\"brief\":\"b\",\"budgetMicros\":300}");
        String path = created.headers().firstValue("Location").orElseThrow();

        // when
        HttpResponse<String> budget = send("GET", path + "/budget", null);

        // then
        assertThat(budget.statusCode()).isEqualTo(200);
        assertThat(budget.body())
                .contains(
                        "\"budgetMicros\":300",
                        "\"spentMicros\":0",
                        "\"reservedMicros\":null",
                        "\"leftMicros\":null",
                        "\"reservedStatus\":\"NOT_CONFIGURED\"",
                        "AIOS_ROUTER_URL");
    }

    @Test
    void listsProjectsNewestFirstInPages() throws Exception {
        // given
        send("POST", "/api/v1/projects", "{\"name\":\"older\",\"brief\":\"b\",\"budgetMicros\":100}");
        send("POST", "/api/v1/projects", "{\"name\":\"newer\",\"brief\":\"b\",\"budgetMicros\":100}");
        // when
        HttpResponse<String> page = send("GET", "/api/v1/projects?page=0&size=1", null);
        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"name\":\"newer\"", "\"size\":1").doesNotContain("\"name\":\"older\"");
    }
}
