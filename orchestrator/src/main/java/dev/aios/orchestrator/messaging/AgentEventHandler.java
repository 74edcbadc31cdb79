package dev.aios.orchestrator.messaging;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.aios.agent.TransientFailureException;
import dev.aios.agent.messaging.AsyncEnvelopeHandler;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.events.v1.AgentHeartbeat;
import dev.aios.orchestrator.agents.AgentRegistry;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Component;

/**
 * Hands each agent event to the project's decision loop; the returned stage completes only after the decision
 * (with its inbox key) committed, so the ack follows the durable effect. A database outage is transient (retried
 * later); anything else is a dead letter.
 */
@Component
class AgentEventHandler implements AsyncEnvelopeHandler {
    private final ProjectDecisions decisions;
    private final AgentRegistry agents;

    AgentEventHandler(ProjectDecisions decisions, AgentRegistry agents) {
        this.decisions = decisions;
        this.agents = agents;
    }

    @Override
    public CompletionStage<Void> handle(ReceivedEnvelope received) {
        Message message = received.payload();
        if (message instanceof AgentHeartbeat heartbeat) {
            agents.record(heartbeat);
            return CompletableFuture.completedFuture(null);
        }
        return decisions
                .submit(projectIdOf(message), message, received.envelope())
                .handle((outcome, failure) -> {
                    if (failure == null) {
                        return null;
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    if (ProjectDecisions.isTransient(cause)) {
                        throw new TransientFailureException("database unavailable: " + cause.getMessage(), cause);
                    }
                    throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                });
    }

    static UUID projectIdOf(Message message) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName("project_id");
        if (field == null) {
            throw new IllegalArgumentException(message.getDescriptorForType().getName() + " carries no project_id");
        }
        return UUID.fromString((String) message.getField(field));
    }
}
