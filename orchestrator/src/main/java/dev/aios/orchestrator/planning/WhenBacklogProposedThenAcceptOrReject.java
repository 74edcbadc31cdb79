package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.BacklogRejected;
import java.time.Instant;
import java.util.List;

/**
 * The CTO's backlog for the current attempt is accepted and its first sprint planned (or, where the project asks, waits
 * for a person), or rejected with its problems.
 */
final class WhenBacklogProposedThenAcceptOrReject implements Reaction<BacklogProposed> {
    private final PlannerSettings settings;
    private final Sprints sprints;
    private final Replanning replanning;

    WhenBacklogProposedThenAcceptOrReject(PlannerSettings settings, Sprints sprints, Replanning replanning) {
        this.settings = settings;
        this.sprints = sprints;
        this.replanning = replanning;
    }

    @Override
    public Decision decide(ProjectState state, BacklogProposed e, Instant now) {
        if (state.status() != ProjectStatus.PLANNING || e.getAttempt() != state.planAttempt()) {
            return Decision.none(state); // a stale or duplicate proposal
        }
        var out = new Emissions(state, now);
        out.emit(e);
        List<String> problems =
                BacklogValidator.problems(e, settings, out.state().capacity(settings));
        if (problems.isEmpty() && out.state().waitsFor(ApprovalKind.APPROVAL_KIND_BACKLOG)) {
            Approvals.requestBacklog(out, e);
            return out.decision();
        }
        if (problems.isEmpty()) {
            sprints.accept(out, e);
            return out.decision();
        }
        out.emit(BacklogRejected.newBuilder()
                .setProjectId(out.state().projectId())
                .setAttempt(e.getAttempt())
                .addAllReasons(problems)
                .setFinal(replanning.lastAttempt(out.state(), e.getAttempt()))
                .build());
        replanning.replanOrStop(out, e.getAttempt(), problems);
        return out.decision();
    }
}
