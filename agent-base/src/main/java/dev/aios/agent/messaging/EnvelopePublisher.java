package dev.aios.agent.messaging;

import dev.aios.events.v1.Envelope;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes envelopes with publisher confirms and {@code mandatory}. The future completes when the broker
 * confirmed the message; it completes exceptionally with {@link PublishFailedException} on a nack, a return
 * (unroutable) or a confirm timeout. Many publishes may be in flight at once (pipelined confirms).
 */
public interface EnvelopePublisher {
    CompletableFuture<Void> publish(Destination destination, Envelope envelope);
}
