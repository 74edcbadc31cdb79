package dev.aios.router.chat;

import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmCallException.Kind;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** LLM failures as RFC 9457 problem details with a {@code kind} extension, so clients map them back exactly. */
final class ProblemJson {
    private ProblemJson() {}

    static ProblemDetail of(LlmCallException e) {
        int status = e instanceof RequestRejected r ? r.status() : statusOf(e.kind());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), e.getMessage());
        problem.setTitle(e instanceof RequestRejected r ? r.title() : titleOf(e.kind()));
        problem.setType(java.net.URI.create("https://aios.dev/problems/"
                + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("kind", e.kind().name());
        problem.setProperty("retriable", e.retriable());
        retryAfterSeconds(e).ifPresent(seconds -> problem.setProperty("retryAfterSeconds", seconds));
        return problem;
    }

    /** The wait a provider or the shared rate limit asked for, in whole seconds rounded up (RFC 9110 delta-seconds). */
    static Optional<Long> retryAfterSeconds(LlmCallException e) {
        return e.retryAfter().map(wait -> (wait.toMillis() + 999) / 1000);
    }

    static int statusOf(Kind kind) {
        return switch (kind) {
            case RATE_LIMITED -> 429;
            case PROVIDER_UNAVAILABLE -> 503;
            case TIMEOUT -> 504;
            // the router's own credentials failed: the caller did nothing wrong
            case UNAUTHORIZED -> 502;
            case INVALID_REQUEST -> 400;
            case CONTENT_FILTERED -> 422;
            case BUDGET_EXHAUSTED -> 402;
            // nothing is wrong with the request itself: this router holds no answer for it
            case NOT_RECORDED -> 422;
        };
    }

    private static String titleOf(Kind kind) {
        return switch (kind) {
            case RATE_LIMITED -> "Provider rate limit";
            case PROVIDER_UNAVAILABLE -> "Provider unavailable";
            case TIMEOUT -> "Provider timed out";
            case UNAUTHORIZED -> "Provider rejected the router's credentials";
            case INVALID_REQUEST -> "Provider rejected the request";
            case CONTENT_FILTERED -> "Content filtered";
            case BUDGET_EXHAUSTED -> "Budget exhausted";
            case NOT_RECORDED -> "No recorded answer and no model configured";
        };
    }

    /** A failure after a stream started travels as one last SSE event: {"error": {problem}}. */
    static String streamError(LlmCallException e) {
        ProblemDetail p = of(e);
        tools.jackson.databind.node.ObjectNode root = ChatCompletionsJson.JSON.createObjectNode();
        root.putObject("error")
                .put("type", p.getType().toString())
                .put("title", p.getTitle())
                .put("status", p.getStatus())
                .put("detail", p.getDetail())
                .put("kind", e.kind().name())
                .put("retriable", e.retriable());
        retryAfterSeconds(e)
                .ifPresent(seconds ->
                        ((tools.jackson.databind.node.ObjectNode) root.get("error")).put("retryAfterSeconds", seconds));
        return ChatCompletionsJson.JSON.writeValueAsString(root);
    }
}
