package dev.aios.agent.messaging;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.aios.agent.messaging.internal.MessageTypes;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TraceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Wraps payloads into envelopes and unwraps them again, parsing only allow-listed types ({@link MessageTypes}). */
public final class Envelopes {
    private static final Clock CLOCK = Clock.systemUTC();

    private Envelopes() {}

    public static Envelope wrap(Message payload, EnvelopeMetadata meta) {
        String type = payload.getDescriptorForType().getFullName();
        if (!MessageTypes.isAllowed(type)) {
            throw new UnknownMessageTypeException(type);
        }
        Instant now = CLOCK.instant();
        Envelope.Builder envelope = Envelope.newBuilder()
                .setEventId(meta.eventId().isEmpty() ? UUID.randomUUID().toString() : meta.eventId())
                .setType(type)
                .setStreamId(meta.streamId())
                .setStreamVersion(meta.streamVersion())
                .setCorrelationId(meta.correlationId())
                .setCausationId(meta.causationId())
                .setOccurredAt(
                        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setProducer(meta.producer())
                .setPayload(payload.toByteString());
        if (!meta.traceparent().isEmpty()) {
            envelope.setTrace(TraceContext.newBuilder().setTraceparent(meta.traceparent()));
        }
        return envelope.build();
    }

    /**
     * The payload as its own protobuf type.
     *
     * @throws UnknownMessageTypeException when the type is not on the allow-list
     * @throws MalformedMessageException when the payload bytes do not parse as that type
     */
    public static Message unwrap(Envelope envelope) {
        return MessageTypes.parse(envelope.getType(), envelope.getPayload());
    }

    /** Parses envelope bytes from the wire. */
    public static Envelope parse(byte[] body) {
        try {
            Envelope envelope = Envelope.parseFrom(body);
            if (envelope.getType().isEmpty() || envelope.getEventId().isEmpty()) {
                throw new MalformedMessageException("not an envelope: missing type or event id");
            }
            return envelope;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new MalformedMessageException("not a protobuf envelope: " + e.getMessage(), e);
        }
    }
}
