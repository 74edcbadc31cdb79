package dev.aios.router.provider;

import dev.aios.router.client.LlmCallException;
import java.time.Duration;
import java.util.Optional;

/** A provider failure with what the router's resilience needs besides the kind: the server's Retry-After. */
public final class ProviderException extends LlmCallException {
    private final boolean breakerOpen;

    ProviderException(Kind kind, String message, Optional<Duration> retryAfter, boolean breakerOpen, Throwable cause) {
        super(kind, message, retryAfter, cause);
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

    /**
     * True when the call never reached the provider because the circuit breaker or the shared rate limit refused it:
     * retrying it on the same tier at once is pointless, falling back is not.
     */
    public boolean breakerOpen() {
        return breakerOpen;
    }
}
