package dev.aios.router.client;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the router's RFC 9457 problem details (with their {@code kind} extension) back into exceptions. */
final class ProblemMapping {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemMapping() {}

    static LlmCallException toException(int status, String body) {
        return toException(status, body, Optional.empty());
    }

    /** {@code retryAfterHeader}: the response's {@code Retry-After} (delta-seconds), which wins over the problem's own. */
    static LlmCallException toException(int status, String body, Optional<String> retryAfterHeader) {
        String detail = "router answered " + status;
        LlmCallException.Kind kind = null;
        Optional<Duration> retryAfter = retryAfterHeader.flatMap(ProblemMapping::seconds);
        try {
            JsonNode problem = JSON.readTree(body);
            detail = problem.path("detail").asString(problem.path("title").asString(detail));
            kind = kindNamed(problem.path("kind").asString(""));
            if (retryAfter.isEmpty() && problem.path("retryAfterSeconds").isNumber()) {
                retryAfter = Optional.of(
                        Duration.ofSeconds(problem.path("retryAfterSeconds").asLong()));
            }
        } catch (RuntimeException notJson) {
            // a proxy in between may answer with HTML; the status alone still says what happened
        }
        if (status == 401) {
            // our own credentials, not the provider's: retrying cannot help until the service gets the right token
            return new LlmCallException(
                    LlmCallException.Kind.UNAUTHORIZED,
                    "the router refused this service's credentials"
                            + " (401): " + detail
                            + " - set AIOS_ROUTER_TOKEN (aios.router.token) to the token whose SHA-256 the router"
                            + " holds for this service",
                    retryAfter,
                    null);
        }
        return new LlmCallException(kind != null ? kind : byStatus(status), detail, retryAfter, null);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static LlmCallException.Kind kindNamed(String name) {
        for (LlmCallException.Kind kind : LlmCallException.Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    static LlmCallException.Kind byStatus(int status) {
        return switch (status) {
            case 401, 403 -> LlmCallException.Kind.UNAUTHORIZED;
            case 402 -> LlmCallException.Kind.BUDGET_EXHAUSTED;
            case 408, 504 -> LlmCallException.Kind.TIMEOUT;
            case 429 -> LlmCallException.Kind.RATE_LIMITED;
            default ->
                status >= 500 ? LlmCallException.Kind.PROVIDER_UNAVAILABLE : LlmCallException.Kind.INVALID_REQUEST;
        };
    }
}
