package dev.aios.orchestrator.planning;

import dev.aios.events.v1.TaskFailed;
import java.time.Instant;
import java.util.List;

/**
 * A task (or the plan) failed under its lease: a failure no model can answer fails the project, a refusal for budget
 * pauses it, any other failure is retried while attempts (or re-plans) are left.
 */
final class WhenTaskFailedThenRetryOrAbandon implements Reaction<TaskFailed> {
    private final Replanning replanning;
    private final Retries retries;

    WhenTaskFailedThenRetryOrAbandon(Replanning replanning, Retries retries) {
        this.replanning = replanning;
        this.retries = retries;
    }

    @Override
    public Decision decide(ProjectState state, TaskFailed e, Instant now) {
        var out = new Emissions(state, now);
        if (e.getTaskId().equals(ProjectState.PLAN_TASK_ID)) {
            if (state.status() == ProjectStatus.PLANNING && e.getAttempt() == state.planAttempt()) {
                out.emit(e);
                if (e.getFatalToProject()) {
                    Halts.fail(out, e);
                } else if (e.getBudgetExhausted()) {
                    Halts.pauseForRefusedCall(out, e);
                } else {
                    replanning.replanOrStop(out, e.getAttempt(), List.of("planning failed: " + e.getReason()));
                }
            }
            return out.decision();
        }
        if (!state.holdsLease(e.getTaskId(), e.getLeaseId())) {
            return out.decision();
        }
        out.emit(e);
        if (e.getFatalToProject()) {
            Halts.fail(out, e);
        } else if (e.getBudgetExhausted()) {
            // the task is pending again and is sent anew, as a new attempt, once the budget is raised
            Halts.pauseForRefusedCall(out, e);
        } else {
            retries.retryOrAbandon(out, out.state().tasks().get(e.getTaskId()), e.getReason(), e.getRetriable());
        }
        return out.decision();
    }
}
