package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

/** Which queue to consume, how many unacked messages per channel (prefetch), and how many channels in parallel. */
public record ConsumerSpec(String queue, int prefetch, int concurrency) {
    public ConsumerSpec {
        requireNonNull(queue, "queue");
        if (queue.isBlank()) {
            throw new IllegalArgumentException("queue must not be blank");
        }
        if (prefetch < 1 || prefetch > 10_000) {
            throw new IllegalArgumentException("prefetch must be 1..10000, was " + prefetch);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("concurrency must be 1..256, was " + concurrency);
        }
    }
}
