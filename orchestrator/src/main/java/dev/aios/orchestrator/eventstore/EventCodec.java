package dev.aios.orchestrator.eventstore;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.Timestamp;
import dev.aios.events.v1.*;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Wraps messages in envelopes and unwraps only allow-listed types; anything else is rejected, never guessed. */
public final class EventCodec {
    public static final String PRODUCER = "orchestrator";

    private static final Map<String, Parser<? extends Message>> ALLOWED = Stream.of(
                    ProjectSubmitted.getDefaultInstance(),
                    PlanProject.getDefaultInstance(),
                    BacklogProposed.getDefaultInstance(),
                    BacklogAccepted.getDefaultInstance(),
                    BacklogRejected.getDefaultInstance(),
                    SprintPlanned.getDefaultInstance(),
                    SprintReviewed.getDefaultInstance(),
                    SprintCompleted.getDefaultInstance(),
                    TaskAssigned.getDefaultInstance(),
                    TaskStarted.getDefaultInstance(),
                    TaskProgress.getDefaultInstance(),
                    TaskCompleted.getDefaultInstance(),
                    TaskFailed.getDefaultInstance(),
                    TaskLeaseExpired.getDefaultInstance(),
                    TaskAbandoned.getDefaultInstance(),
                    LlmCallCompleted.getDefaultInstance(),
                    BudgetChanged.getDefaultInstance(),
                    ProjectPaused.getDefaultInstance(),
                    ProjectResumed.getDefaultInstance(),
                    ProjectStopped.getDefaultInstance(),
                    ProjectDelivered.getDefaultInstance(),
                    ProjectFailed.getDefaultInstance(),
                    AgentHeartbeat.getDefaultInstance(),
                    ApprovalRequested.getDefaultInstance(),
                    ApprovalGranted.getDefaultInstance(),
                    ApprovalRejected.getDefaultInstance())
            .collect(Collectors.toUnmodifiableMap(
                    m -> m.getDescriptorForType().getFullName(), Message::getParserForType));

    private EventCodec() {}

    public static String typeOf(Message message) {
        return message.getDescriptorForType().getFullName();
    }

    public static Envelope wrap(Message message, String correlationId, @Nullable Envelope cause, Instant now) {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(typeOf(message))
                .setCorrelationId(correlationId)
                .setCausationId(cause == null ? "" : cause.getEventId())
                .setOccurredAt(
                        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setProducer(PRODUCER)
                .setTrace(cause == null ? TraceContext.getDefaultInstance() : cause.getTrace())
                .setPayload(message.toByteString())
                .build();
    }

    public static Message unwrap(Envelope envelope) {
        Parser<? extends Message> parser = ALLOWED.get(envelope.getType());
        if (parser == null) {
            throw new UnknownMessageTypeException(envelope.getType());
        }
        try {
            return parser.parseFrom(envelope.getPayload());
        } catch (InvalidProtocolBufferException e) {
            throw new UnknownMessageTypeException(
                    envelope.getType() + " (unparseable payload: " + e.getMessage() + ")");
        }
    }

    /** A message whose type is not on the allow-list or whose payload does not parse. */
    public static final class UnknownMessageTypeException extends RuntimeException {
        UnknownMessageTypeException(String type) {
            super("message type not allowed: " + type);
        }
    }
}
