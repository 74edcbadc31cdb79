package dev.aios.agent.messaging.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.aios.agent.messaging.MalformedMessageException;
import dev.aios.agent.messaging.UnknownMessageTypeException;
import dev.aios.events.v1.AgentHeartbeat;
import dev.aios.events.v1.BacklogAccepted;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.BacklogRejected;
import dev.aios.events.v1.BudgetChanged;
import dev.aios.events.v1.LlmCallCompleted;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.ProjectDelivered;
import dev.aios.events.v1.ProjectFailed;
import dev.aios.events.v1.ProjectPaused;
import dev.aios.events.v1.ProjectResumed;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.events.v1.ProjectSubmitted;
import dev.aios.events.v1.SprintCompleted;
import dev.aios.events.v1.SprintPlanned;
import dev.aios.events.v1.SprintReviewed;
import dev.aios.events.v1.TaskAbandoned;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskLeaseExpired;
import dev.aios.events.v1.TaskProgress;
import dev.aios.events.v1.TaskStarted;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The allow-list: every lifecycle message of {@code aios.events.v1}. Nothing else is ever parsed off the wire. */
public final class MessageTypes {
    private static final Map<String, Parser<? extends Message>> PARSERS = List.of(
                    AgentHeartbeat.getDefaultInstance(),
                    BacklogProposed.getDefaultInstance(),
                    BacklogAccepted.getDefaultInstance(),
                    BacklogRejected.getDefaultInstance(),
                    LlmCallCompleted.getDefaultInstance(),
                    ProjectSubmitted.getDefaultInstance(),
                    PlanProject.getDefaultInstance(),
                    ProjectStopped.getDefaultInstance(),
                    ProjectPaused.getDefaultInstance(),
                    BudgetChanged.getDefaultInstance(),
                    ProjectResumed.getDefaultInstance(),
                    ProjectDelivered.getDefaultInstance(),
                    ProjectFailed.getDefaultInstance(),
                    SprintPlanned.getDefaultInstance(),
                    SprintReviewed.getDefaultInstance(),
                    SprintCompleted.getDefaultInstance(),
                    TaskAssigned.getDefaultInstance(),
                    TaskStarted.getDefaultInstance(),
                    TaskProgress.getDefaultInstance(),
                    TaskCompleted.getDefaultInstance(),
                    TaskFailed.getDefaultInstance(),
                    TaskLeaseExpired.getDefaultInstance(),
                    TaskAbandoned.getDefaultInstance())
            .stream()
            .collect(Collectors.toUnmodifiableMap(
                    m -> m.getDescriptorForType().getFullName(), Message::getParserForType));

    private MessageTypes() {}

    public static boolean isAllowed(String type) {
        return PARSERS.containsKey(type);
    }

    public static Set<String> all() {
        return PARSERS.keySet();
    }

    /** The full protobuf name of a generated message class, e.g. {@code aios.events.v1.TaskAssigned}. */
    public static String typeOf(Class<? extends Message> type) {
        return PARSERS.keySet().stream()
                .filter(name -> name.endsWith("." + type.getSimpleName()))
                .findFirst()
                .orElseThrow(() -> new UnknownMessageTypeException(type.getName()));
    }

    public static Message parse(String type, ByteString payload) {
        Parser<? extends Message> parser = PARSERS.get(type);
        if (parser == null) {
            throw new UnknownMessageTypeException(type);
        }
        try {
            return parser.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedMessageException("payload is not a valid " + type + ": " + e.getMessage(), e);
        }
    }
}
