package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import dev.aios.events.v1.Envelope;

/**
 * What an envelope carries besides its payload. An empty event id means "generate one"; stream version 0 means the
 * message is not (yet) in the event store.
 */
public record EnvelopeMetadata(
        String eventId,
        String streamId,
        long streamVersion,
        String correlationId,
        String causationId,
        String producer,
        String traceparent) {
    public EnvelopeMetadata {
        eventId = eventId == null ? "" : eventId;
        streamId = streamId == null ? "" : streamId;
        correlationId = correlationId == null ? "" : correlationId;
        causationId = causationId == null ? "" : causationId;
        requireNonNull(producer, "producer");
        traceparent = traceparent == null ? "" : traceparent;
        if (streamVersion < 0) {
            throw new IllegalArgumentException("stream version must not be negative: " + streamVersion);
        }
    }

    /** A message that starts a conversation: fresh event id, the given correlation id. */
    public static EnvelopeMetadata of(String producer, String correlationId) {
        return new EnvelopeMetadata("", "", 0, correlationId, "", producer, "");
    }

    /** A reaction to {@code cause}: same correlation and trace, causation = the cause's event id. */
    public static EnvelopeMetadata causedBy(Envelope cause, String producer) {
        return new EnvelopeMetadata(
                "",
                cause.getStreamId(),
                0,
                cause.getCorrelationId(),
                cause.getEventId(),
                producer,
                cause.hasTrace() ? cause.getTrace().getTraceparent() : "");
    }

    public EnvelopeMetadata withEventId(String id) {
        return new EnvelopeMetadata(id, streamId, streamVersion, correlationId, causationId, producer, traceparent);
    }

    public EnvelopeMetadata withStream(String id, long version) {
        return new EnvelopeMetadata(eventId, id, version, correlationId, causationId, producer, traceparent);
    }
}
