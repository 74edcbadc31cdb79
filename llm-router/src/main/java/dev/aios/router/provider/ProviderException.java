package dev.aios.router.provider;

import dev.aios.router.client.LlmCallException;
import java.time.Duration;
import java.util.Optional;

/** A provider failure with what the router's resilience needs besides the kind: the server's Retry-After. */
public final class ProviderException extends LlmCallException {
    private final Optional<Duration> retryAfter;
    private final boolean breakerOpen;

    ProviderException(Kind kind, String message, Optional<Duration> retryAfter, boolean breakerOpen, Throwable cause) {
        super(kind, message, cause);
        this.retryAfter = retryAfter;
        this.breakerOpen = breakerOpen;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** True when the circuit breaker refused the call: retrying it at once is pointless, falling back is not. */
    public boolean breakerOpen() {
        return breakerOpen;
    }
}
