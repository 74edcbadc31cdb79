package dev.aios.agent.messaging;

import dev.aios.agent.TransientFailureException;
import java.util.concurrent.CompletionStage;

/**
 * Handles a message without holding the consumer's thread: the returned stage completes once the effect is durable
 * (the message is then acked), or fails with {@link TransientFailureException} (retried later through the retry
 * queues) or any other exception (dead-lettered with the reason). The consumer keeps delivering up to its prefetch
 * meanwhile, so a handler can decide on many messages together, and the acks of those that finish together are
 * sent as one.
 */
@FunctionalInterface
public interface AsyncEnvelopeHandler {
    CompletionStage<Void> handle(ReceivedEnvelope message);
}
