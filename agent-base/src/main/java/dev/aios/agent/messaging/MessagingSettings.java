package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The adapter's knobs. {@code retryDelays} has one entry per retry (attempt 2 waits the first delay, ...), so
 * {@code maxAttempts} is at most {@code retryDelays.size() + 1}; {@code deliveryLimit} bounds broker redeliveries
 * of a message whose consumer crashes (limit 3 = 4 deliveries, then the DLQ).
 */
public record MessagingSettings(
        List<Duration> retryDelays,
        int maxAttempts,
        int deliveryLimit,
        Duration confirmTimeout,
        long deadLetterMaxLength) {
    public MessagingSettings {
        retryDelays = List.copyOf(retryDelays);
        requireNonNull(confirmTimeout, "confirm timeout");
        if (maxAttempts < 1 || maxAttempts > retryDelays.size() + 1) {
            throw new IllegalArgumentException("max attempts must be 1.." + (retryDelays.size() + 1) + " for "
                    + retryDelays.size() + " retry delays");
        }
        if (retryDelays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive: " + retryDelays);
        }
        if (deliveryLimit < 1) {
            throw new IllegalArgumentException("delivery limit must be at least 1, was " + deliveryLimit);
        }
        if (deadLetterMaxLength < 1) {
            throw new IllegalArgumentException("dead-letter max length must be positive");
        }
    }

    /** The settings of a service with no {@code aios.messaging.*} set: {@link MessagingProperties}' defaults. */
    public static MessagingSettings defaults() {
        return MessagingProperties.defaults().settings();
    }

    /** The delay before attempt {@code nextAttempt} (2 = the first retry). */
    public Duration delayBefore(int nextAttempt) {
        return retryDelays.get(Math.min(nextAttempt - 2, retryDelays.size() - 1));
    }
}
