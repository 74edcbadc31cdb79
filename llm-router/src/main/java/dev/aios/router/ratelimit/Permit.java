package dev.aios.router.ratelimit;

import java.time.Duration;

/** What the shared limit answers for one call. */
public sealed interface Permit {
    /** The call may go to the provider now; {@code waited} is how long it queued for it. */
    record Granted(Duration waited) implements Permit {}

    /** The limit stays spent for longer than the router may wait; try again after {@code retryAfter}. */
    record Denied(Duration retryAfter) implements Permit {}
}
