package dev.aios.orchestrator.eventstore;

import dev.aios.events.v1.Envelope;
import java.time.Instant;

/** One event as the store holds it; the envelope carries its stream version. */
public record StoredEvent(
        long globalPosition, String streamId, long streamVersion, Envelope envelope, Instant recordedAt) {}
