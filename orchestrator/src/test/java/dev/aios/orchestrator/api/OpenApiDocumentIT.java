package dev.aios.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document is generated from the code: JSON by default, YAML on request, and a Swagger UI to read it. */
class OpenApiDocumentIT extends OrchestratorIntegrationTest {
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private HttpResponse<String> anonymous(String path, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path)));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocumentIsJsonByDefaultAndWhenJsonIsAskedFor() throws Exception {
        for (String accept : new String[] {null, "application/json", "*/*"}) {
            // when
            HttpResponse<String> response = anonymous("/v3/api-docs", accept);
            // then
            assertThat(response.statusCode()).as(accept).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(accept)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            JsonNode doc = JsonMapper.shared().readTree(response.body());
            assertThat(doc.path("openapi").asString()).startsWith("3.");
        }
    }

    @Test
    void theDocumentIsYamlWhenYamlIsAskedFor() throws Exception {
        // when
        HttpResponse<String> response = anonymous("/v3/api-docs", "application/yaml");
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        assertThat(response.body()).startsWith("openapi: ").contains("\n  /api/v1/projects:", "bearerFormat: JWT");
    }

    @Test
    void theDocumentDescribesTheCodesOperationsAndBodies() throws Exception {
        // when
        JsonNode doc =
                JsonMapper.shared().readTree(anonymous("/v3/api-docs", null).body());
        // then: what the controllers say (paths, verbs, request and response bodies, statuses) is in it
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/api/v1/projects",
                        "/api/v1/projects/{id}/events",
                        "/api/v1/dlq/{queue}",
                        "/api/v1/dlq/{queue}/redrive")
                .noneMatch(p -> p.startsWith("/actuator"));
        JsonNode submit = doc.at("/paths/~1api~1v1~1projects/post");
        assertThat(submit.at("/requestBody/content/application~1json/schema/$ref")
                        .asString())
                .endsWith("SubmitProjectRequest");
        assertThat(submit.path("responses").propertyNames()).contains("202", "400", "401", "403", "415");
        assertThat(doc.at("/components/schemas/SubmitProjectRequest/properties").propertyNames())
                .containsExactlyInAnyOrder(
                        "name",
                        "brief",
                        "budgetMicros",
                        "options",
                        "approvals",
                        "approvalTimeoutMinutes",
                        "approvalTimeoutAction");
        assertThat(doc.at("/components/schemas/SubmitProjectRequest/properties/approvals/items/enum")
                        .toString())
                .isEqualTo("[\"backlog\",\"sprint\",\"risky-changes\"]");
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/api/v1/projects/{id}/approvals",
                        "/api/v1/projects/{id}/approvals/{item}/grant",
                        "/api/v1/projects/{id}/approvals/{item}/reject");
        assertThat(doc.at("/paths/~1api~1v1~1projects~1{id}~1events/get/responses/200/content")
                        .has("text/event-stream"))
                .isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1projects~1{id}/get/parameters/0/name")
                        .asString())
                .isEqualTo("id");
        JsonNode awaiting = doc.at("/components/schemas/Project/properties/awaitingApprovals");
        assertThat(awaiting.path("type").asString()).isEqualTo("integer");
        assertThat(awaiting.path("description").asString()).contains("wait for a person");
        assertThat(doc.toString()).doesNotContain("\"caller\""); // the token's caller is not a request parameter
    }

    @Test
    void swaggerUiServesTheDocument() throws Exception {
        // when
        HttpResponse<String> page = anonymous("/swagger-ui", null);
        HttpResponse<String> config = anonymous("/v3/api-docs/swagger-config", null);
        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs");
    }
}
