package dev.aios.agent.messaging;

import dev.aios.agent.TransientFailureException;

/**
 * Handles one received message. Return normally once the effect is durable (the message is then acked); throw
 * {@link TransientFailureException} to retry later through the retry queues; any other exception is deterministic
 * and sends the message to the dead-letter queue at once with the reason.
 */
@FunctionalInterface
public interface EnvelopeHandler {
    void handle(ReceivedEnvelope message) throws Exception;
}
