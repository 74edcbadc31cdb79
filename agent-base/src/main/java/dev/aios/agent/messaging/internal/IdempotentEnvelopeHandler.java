package dev.aios.agent.messaging.internal;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.messaging.EnvelopeHandler;
import dev.aios.agent.messaging.InboxStore;
import dev.aios.agent.messaging.ReceivedEnvelope;

/**
 * Makes any handler idempotent by event id: a message already recorded for this consumer is acked without running
 * the handler again; a message is recorded only after the handler returned (its effect is durable), so a crash in
 * between means it runs again rather than being lost. For effects in a database, prefer an inbox row written in the
 * same transaction as the effect.
 */
public final class IdempotentEnvelopeHandler implements EnvelopeHandler {
    private final String consumer;
    private final InboxStore inbox;
    private final EnvelopeHandler delegate;

    public IdempotentEnvelopeHandler(String consumer, InboxStore inbox, EnvelopeHandler delegate) {
        this.consumer = requireNonNull(consumer, "consumer");
        this.inbox = requireNonNull(inbox, "inbox");
        this.delegate = requireNonNull(delegate, "delegate");
    }

    @Override
    public void handle(ReceivedEnvelope message) throws Exception {
        if (inbox.alreadyProcessed(consumer, message.eventId())) {
            return;
        }
        delegate.handle(message);
        inbox.firstTime(consumer, message.eventId());
    }
}
