package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.aios.events.v1.Envelope;

/** A parsed, allow-listed message as a handler sees it; {@code attempt} counts from 1 across retries. */
public record ReceivedEnvelope(Envelope envelope, Message payload, int attempt, String queue) {
    public ReceivedEnvelope {
        requireNonNull(envelope, "envelope");
        requireNonNull(payload, "payload");
        requireNonNull(queue, "queue");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1: " + attempt);
        }
    }

    public String eventId() {
        return envelope.getEventId();
    }

    public String type() {
        return envelope.getType();
    }

    public <T extends Message> T payload(Class<T> type) {
        return type.cast(payload);
    }
}
