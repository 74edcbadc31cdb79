package dev.aios.router.provider;

import java.time.Duration;

/**
 * Per-provider resilience: retry with exponential backoff and jitter (Retry-After wins, up to a cap), a count-based
 * circuit breaker, and a bulkhead. The timeout is the tier's own.
 */
public record ResilienceSettings(
        int maxAttempts,
        Duration initialBackoff,
        double backoffMultiplier,
        Duration maxBackoff,
        double jitter,
        Duration maxRetryAfter,
        int breakerWindow,
        int breakerMinimumCalls,
        float breakerFailureRatePercent,
        Duration breakerOpenFor,
        int maxConcurrentCalls,
        Duration bulkheadMaxWait) {
    public static ResilienceSettings defaults() {
        return new ResilienceSettings(
                3,
                Duration.ofMillis(500),
                2.0,
                Duration.ofSeconds(8),
                0.2,
                Duration.ofSeconds(30),
                20,
                5,
                50f,
                Duration.ofSeconds(30),
                16,
                Duration.ofMillis(250));
    }
}
