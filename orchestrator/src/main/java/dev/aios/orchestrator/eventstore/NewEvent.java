package dev.aios.orchestrator.eventstore;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.messaging.Destination;
import dev.aios.events.v1.Envelope;
import org.jspecify.annotations.Nullable;

/** An event to append; with a destination it is also written to the outbox in the same transaction. */
public record NewEvent(Envelope envelope, @Nullable Destination publishTo) {
    public NewEvent {
        requireNonNull(envelope, "envelope");
    }
}
