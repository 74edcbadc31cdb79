package dev.aios.router.ratelimit;

import java.time.Duration;

/** One provider's shared limit: every replica takes from the same buckets. */
public interface RateLimiter {
    /** Takes one request and {@code tokens} tokens, waiting at most the limiter's bound for them. */
    Permit acquire(long tokens);

    /** The provider asked everyone to wait ({@code Retry-After}): no replica sends it anything until then. */
    void holdOff(Duration wait);
}
