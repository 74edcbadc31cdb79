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

    /** No recording answers this call and no live model is configured (see {@code ReplayChatProvider}). */
    public static ProviderException notRecorded(String message) {
        return new ProviderException(Kind.NOT_RECORDED, message, Optional.empty(), false, null);
    }

    /** A failure replayed from a recording, as it happened when the recording was made. */
    public static ProviderException replayed(Kind kind, String message) {
        return new ProviderException(kind, message, Optional.empty(), false, null);
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** True when the circuit breaker refused the call: retrying it at once is pointless, falling back is not. */
    public boolean breakerOpen() {
        return breakerOpen;
    }
}
