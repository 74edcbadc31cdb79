package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A project's stream and states while a batch's messages for it are decided: {@code events} is the whole stream,
 * growing with each decided event; {@code working} is the planner's state after every decision so far,
 * {@code projected} the state after each event so far, which the projection writes follow; both are replaced, never
 * changed. {@code appended} collects what was inserted for it.
 */
final class ProjectWork {
    final UUID projectId;
    final String stream;
    final List<Message> events;
    ProjectState working;
    ProjectState projected;
    final Projector.Summary summaryBefore;
    final List<StoredEvent> appended = new ArrayList<>();
    boolean appendedAny;

    ProjectWork(UUID projectId, List<Message> events) {
        this.projectId = projectId;
        this.stream = ProjectDecisions.streamOf(projectId);
        this.events = events;
        this.working = ProjectState.from(events);
        this.projected = working;
        // the project row holds the summary of the committed stream; a decision that changes none of it (a
        // task started) leaves it alone
        this.summaryBefore = Projector.Summary.of(projected);
    }
}
