package dev.aios.orchestrator.planning;

import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.messaging.runtime.TaskEventMapper;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskKind;
import java.time.Instant;
import java.util.List;

/**
 * A task finished under its lease: what became ready is dispatched, and a finished review closes its sprint. A result
 * whose changeset is refused is recorded as a retriable failure instead and never applied; a risky one waits for a person
 * where the project asks (ADR 0014).
 */
final class WhenTaskCompletedThenDispatchNext implements Reaction<TaskCompleted> {
    private final ChangesetValidator changesetValidator;
    private final Dispatch dispatch;
    private final Sprints sprints;
    private final Retries retries;
    private final RiskyChanges riskyChanges;

    WhenTaskCompletedThenDispatchNext(
            ChangesetValidator changesetValidator,
            Dispatch dispatch,
            Sprints sprints,
            Retries retries,
            RiskyChanges riskyChanges) {
        this.changesetValidator = changesetValidator;
        this.riskyChanges = riskyChanges;
        this.dispatch = dispatch;
        this.sprints = sprints;
        this.retries = retries;
    }

    @Override
    public Decision decide(ProjectState state, TaskCompleted e, Instant now) {
        if (!state.holdsLease(e.getTaskId(), e.getLeaseId())) {
            return Decision.none(state); // a late result from an expired lease: fenced off
        }
        var out = new Emissions(state, now);
        TaskState task = state.tasks().get(e.getTaskId());
        List<String> violations = changesetValidator.violations(TaskEventMapper.toChangeset(e.getChangeset()));
        if (!violations.isEmpty()) {
            TaskFailed failed = TaskFailed.newBuilder()
                    .setProjectId(state.projectId())
                    .setTaskId(e.getTaskId())
                    .setAttempt(e.getAttempt())
                    .setAgentId(e.getAgentId())
                    .setRole(e.getRole())
                    .setReason("changeset rejected: " + String.join("; ", violations))
                    .setRetriable(true)
                    .setUsage(e.getUsage())
                    .setLeaseId(e.getLeaseId())
                    .build();
            out.emit(failed);
            retries.retryOrAbandon(out, task, failed.getReason(), true);
            return out.decision();
        }
        if (task.spec().getKind() != TaskKind.TASK_KIND_SPRINT_REVIEW
                && state.waitsFor(ApprovalKind.APPROVAL_KIND_RISKY_CHANGE)) {
            List<String> risks = riskyChanges.reasons(e.getChangeset());
            if (!risks.isEmpty()) {
                Approvals.requestChange(out, e, risks);
                return out.decision();
            }
        }
        out.emit(e);
        if (task.spec().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
            sprints.close(out, e.getReview());
        } else {
            dispatch.dispatchReady(out);
        }
        return out.decision();
    }
}
