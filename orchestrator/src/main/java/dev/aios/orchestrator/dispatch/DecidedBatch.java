package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.orchestrator.eventstore.StoredEvent;
import java.util.List;
import java.util.UUID;

/**
 * What one attempt at a batch decided: an outcome per message, in the batch's order, and per project its whole stream
 * as it stands once the attempt commits and the events the attempt appended to it.
 */
record DecidedBatch(List<ProjectDecisions.Outcome> outcomes, List<DecidedProject> projects) {

    record DecidedProject(UUID projectId, List<Message> streamAfterCommit, List<StoredEvent> appended) {}
}
