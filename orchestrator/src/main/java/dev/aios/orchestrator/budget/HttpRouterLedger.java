package dev.aios.orchestrator.budget;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the router ({@code GET /v1/budgets/{projectId}}) as the orchestrator's service, with its bearer token (ADR
 * 0041). Every failure becomes {@link Reading.Unavailable} naming what to check; the first failure after a success is
 * logged, not each one, since the board asks every few seconds.
 */
final class HttpRouterLedger implements RouterLedger {
    private static final Logger log = LoggerFactory.getLogger(HttpRouterLedger.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String UNKNOWN_PROJECT = "https://aios.dev/problems/unknown-project";

    private final URI router;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final AtomicBoolean failing = new AtomicBoolean(false);

    HttpRouterLedger(URI router, String token, Duration timeout) {
        this.router = requireNonNull(router, "router url");
        this.authorization = "Bearer " + requireNonNull(token, "router token");
        this.timeout = requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Reading read(UUID projectId) {
        Reading reading = ask(projectId);
        if (reading instanceof Reading.Unavailable unavailable) {
            if (failing.compareAndSet(false, true)) {
                log.warn(
                        "cannot read the router's budget ledger (reserved budget not reported): {}", unavailable.why());
            }
        } else if (failing.compareAndSet(true, false)) {
            log.info("the router's budget ledger can be read again");
        }
        return reading;
    }

    private Reading ask(UUID projectId) {
        URI uri = router.resolve("/v1/budgets/" + URLEncoder.encode(projectId.toString(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Reading.Unavailable("the router at " + router + " cannot be reached (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading.Unavailable("interrupted while asking the router");
        }
        return switch (response.statusCode()) {
            case 200 -> balance(response.body());
            case 404 ->
                UNKNOWN_PROJECT.equals(problemField(response.body(), "type"))
                        ? new Reading.NothingMetered()
                        : new Reading.Unavailable("the router at " + router + " has no budget endpoint (404)");
            case 401 ->
                new Reading.Unavailable("the router refused this orchestrator's token (401): AIOS_ROUTER_TOKEN must be"
                        + " the token whose SHA-256 the router holds as AIOS_ROUTER_CLIENT_ORCHESTRATOR_SHA256");
            case 403 ->
                new Reading.Unavailable("the router does not let this service read budgets (403):"
                        + " its aios.router.budget-readers must name it");
            default -> {
                String detail = problemField(response.body(), "detail");
                yield new Reading.Unavailable(
                        "the router answered " + response.statusCode() + (detail == null ? "" : ": " + detail));
            }
        };
    }

    private static Reading balance(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (!json.path("spentMicros").isIntegralNumber()
                    || !json.path("reservedMicros").isIntegralNumber()) {
                return new Reading.Unavailable("the router's answer holds no spent and reserved amounts");
            }
            return new Reading.Reported(
                    optionalLong(json.path("limitMicros")),
                    json.path("spentMicros").asLong(),
                    json.path("reservedMicros").asLong(),
                    optionalLong(json.path("leftMicros")));
        } catch (JacksonException | IllegalArgumentException e) {
            return new Reading.Unavailable("the router's answer is not a budget: " + e.getMessage());
        }
    }

    private static @Nullable Long optionalLong(JsonNode node) {
        return node.isIntegralNumber() ? node.asLong() : null;
    }

    private static @Nullable String problemField(String body, String field) {
        try {
            JsonNode value = JSON.readTree(body).path(field);
            return value.isString() ? value.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
