package dev.aios.orchestrator.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/projects/{id}/budget} with the orchestrator configured to read a router (a local server speaking
 * the router's wire format): reserved comes from the router's ledger; when the router cannot be reached the view still
 * answers, with reserved null and why. The last test stops the router.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectBudgetIT extends OrchestratorIntegrationTest {
    private static final String TOKEN = "orchestrator-token-0123456789abcdefghijklmnopq";
    private static final FakeRouter ROUTER = FakeRouter.start(TOKEN);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void router(DynamicPropertyRegistry registry) {
        registry.add("aios.orchestrator.router.url", () -> ROUTER.baseUrl().toString());
        registry.add("aios.orchestrator.router.token", () -> TOKEN);
        registry.add("aios.orchestrator.router.timeout", () -> "1s");
    }

    @AfterAll
    static void stopRouter() {
        ROUTER.close();
    }

    private String submit(long budgetMicros) throws Exception {
        HttpResponse<String> created = http.send(
                request("/api/v1/projects")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"gauge\",\"brief\":\"b\",\"budgetMicros\":" + budgetMicros + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(202);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private JsonNode budget(String project) throws Exception {
        HttpResponse<String> response = http.send(
                request(project + "/budget").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(1)
    void reservedComesFromTheRoutersLedgerAndLeftCountsIt() throws Exception {
        // given: a project whose running call holds 1,650 at the router
        String project = submit(5_000_000);
        String id = project.substring(project.lastIndexOf('/') + 1);
        ROUTER.holds(id, 5_000_000L, 0, 1_650);

        // when
        JsonNode budget = budget(project);

        // then
        assertThat(budget.path("budgetMicros").asLong()).isEqualTo(5_000_000);
        assertThat(budget.path("spentMicros").asLong()).isZero();
        assertThat(budget.path("reservedMicros").asLong()).isEqualTo(1_650);
        assertThat(budget.path("leftMicros").asLong()).isEqualTo(5_000_000 - 1_650);
        assertThat(budget.path("reservedStatus").asString()).isEqualTo("REPORTED");
        assertThat(budget.path("router").path("reservedMicros").asLong()).isEqualTo(1_650);
        assertThat(ROUTER.authorizations()).allMatch(("Bearer " + TOKEN)::equals);
    }

    @Test
    @Order(2)
    void aProjectTheRouterMetersNothingForHoldsNothingThere() throws Exception {
        // given: no call of the project reached the router's ledger
        String project = submit(1_000_000);

        // when
        JsonNode budget = budget(project);

        // then
        assertThat(budget.path("reservedMicros").asLong()).isZero();
        assertThat(budget.path("leftMicros").asLong()).isEqualTo(1_000_000);
        assertThat(budget.path("reservedStatus").asString()).isEqualTo("NOTHING_METERED");
        assertThat(budget.path("router").isNull()).isTrue();
    }

    @Test
    @Order(3)
    void whenTheRouterCannotBeReachedTheViewSaysSoInsteadOfAnAmount() throws Exception {
        // given
        String project = submit(2_000_000);
        ROUTER.close();

        // when
        JsonNode budget = budget(project);

        // then: budget and spent as always; reserved and left unknown, and why
        assertThat(budget.path("budgetMicros").asLong()).isEqualTo(2_000_000);
        assertThat(budget.path("spentMicros").asLong()).isZero();
        assertThat(budget.has("reservedMicros")).isTrue();
        assertThat(budget.path("reservedMicros").isNull()).isTrue();
        assertThat(budget.path("leftMicros").isNull()).isTrue();
        assertThat(budget.path("reservedStatus").asString()).isEqualTo("UNAVAILABLE");
        assertThat(budget.path("reservedExplained").asString()).contains("cannot be reached");
    }
}
