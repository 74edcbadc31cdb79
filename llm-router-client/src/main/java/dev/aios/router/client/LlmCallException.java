package dev.aios.router.client;

import java.time.Duration;
import java.util.Optional;

/**
 * An LLM call that did not produce an answer. {@link Kind#retriable()} says whether trying again later can help;
 * a non-retriable failure is never retried.
 */
public class LlmCallException extends RuntimeException {
    public enum Kind {
        RATE_LIMITED(true),
        PROVIDER_UNAVAILABLE(true),
        TIMEOUT(true),
        UNAUTHORIZED(false),
        INVALID_REQUEST(false),
        CONTENT_FILTERED(false),
        BUDGET_EXHAUSTED(false),
        /**
         * No live model is configured and the recordings hold no answer for this call: another brief than the one
         * recorded, or a replay that diverged from its recording.
         */
        NOT_RECORDED(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        public boolean retriable() {
            return retriable;
        }

        /** No call of the same project can succeed either: the project fails at once instead of retrying or re-planning. */
        public boolean fatalToProject() {
            return this == NOT_RECORDED;
        }
    }

    private final Kind kind;
    private final Optional<Duration> retryAfter;

    public LlmCallException(Kind kind, String message) {
        this(kind, message, Optional.empty(), null);
    }

    public LlmCallException(Kind kind, String message, Throwable cause) {
        this(kind, message, Optional.empty(), cause);
    }

    /** {@code retryAfter}: how long the router (or the provider behind it) asked the caller to wait before trying again. */
    public LlmCallException(Kind kind, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retriable() {
        return kind.retriable();
    }

    /** The wait a {@code Retry-After} asked for, when the router or its provider sent one. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
