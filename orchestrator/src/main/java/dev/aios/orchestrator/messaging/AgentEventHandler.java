package dev.aios.orchestrator.messaging;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.aios.agent.messaging.EnvelopeHandler;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.messaging.TransientFailureException;
import dev.aios.events.v1.AgentHeartbeat;
import dev.aios.orchestrator.agents.AgentRegistry;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import java.util.UUID;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Decides on each agent event; returns only after the decision (with its inbox key) committed, so the ack
 * follows the durable effect. A database outage is transient (retried later); anything else is a dead letter.
 */
@Component
class AgentEventHandler implements EnvelopeHandler {
    private final ProjectDecisions decisions;
    private final AgentRegistry agents;

    AgentEventHandler(ProjectDecisions decisions, AgentRegistry agents) {
        this.decisions = decisions;
        this.agents = agents;
    }

    @Override
    public void handle(ReceivedEnvelope received) {
        Message message = received.payload();
        if (message instanceof AgentHeartbeat heartbeat) {
            agents.record(heartbeat);
            return;
        }
        try {
            decisions.handle(projectIdOf(message), message, received.envelope());
        } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
            throw new TransientFailureException("database unavailable: " + e.getMessage(), e);
        }
    }

    static UUID projectIdOf(Message message) {
        FieldDescriptor field = message.getDescriptorForType().findFieldByName("project_id");
        if (field == null) {
            throw new IllegalArgumentException(message.getDescriptorForType().getName() + " carries no project_id");
        }
        return UUID.fromString((String) message.getField(field));
    }
}
