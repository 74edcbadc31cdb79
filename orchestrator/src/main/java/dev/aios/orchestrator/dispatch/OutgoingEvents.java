package dev.aios.orchestrator.dispatch;

import dev.aios.agent.Role;
import dev.aios.agent.messaging.Destination;
import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskKind;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.NewEvent;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.planning.Decision;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.SprintPlanner;
import dev.aios.orchestrator.projection.Projector;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Asks the planner about one message and turns its decision into envelopes queued for append, one event at a time and
 * in the planner's order: a task assignment gets its context; before a sprint review is assigned the pending writes
 * are flushed (its workspace is read back and must hold this batch's files); the incoming message recorded as is
 * keeps its envelope (and so its event id); each event is projected before the next is decided.
 */
final class OutgoingEvents {
    private final SprintPlanner planner;
    private final Projector projector;
    private final AssignmentContext assignmentContext;
    private final Clock clock;

    OutgoingEvents(SprintPlanner planner, Projector projector, AssignmentContext assignmentContext, Clock clock) {
        this.planner = planner;
        this.projector = projector;
        this.assignmentContext = assignmentContext;
        this.clock = clock;
    }

    /** Decides {@code pending} on {@code project}'s working state; its events, once inserted, are added to {@code mine}. */
    void decide(ProjectWork project, PendingDecision pending, PendingAppends appends, List<StoredEvent> mine) {
        @Nullable Envelope cause = pending.cause();
        Decision decision = planner.decide(project.working, pending.incoming(), clock.instant());
        project.working = decision.state();
        for (Decision.Output planned : decision.outputs()) {
            Decision.Output out = planned;
            if (planned.event() instanceof TaskAssigned a) {
                if (a.getTask().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
                    appends.writes.flush(); // the review's workspace is read back and must hold this batch's files
                }
                out = new Decision.Output(
                        assignmentContext.enrich(a, project.working, project.events), planned.commandTo());
            }
            Envelope envelope = out.event() == pending.incoming() && cause != null
                    ? cause.toBuilder()
                            .setCorrelationId(project.projectId.toString())
                            .build()
                    : EventCodec.wrap(out.event(), project.projectId.toString(), cause, clock.instant());
            var event =
                    new NewEvent(envelope, out.commandTo() == null ? null : Destination.command(role(out.commandTo())));
            long version = project.events.size() + 1;
            appends.add(new EventStore.Append(project.stream, version, event), project, mine);
            project.events.add(out.event());
            project.projected = ProjectState.evolve(project.projected, out.event());
            // one event at a time, projected before the next is decided: a review assignment's workspace then
            // includes the files of the completion that triggered it
            projector.project(appends.writes, UUID.fromString(envelope.getEventId()), out.event(), project.projected);
        }
    }

    static Role role(AgentRole role) {
        return Role.valueOf(role.name().replace("AGENT_ROLE_", ""));
    }
}
