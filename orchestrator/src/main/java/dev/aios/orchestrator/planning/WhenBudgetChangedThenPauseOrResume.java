package dev.aios.orchestrator.planning;

import dev.aios.events.v1.BudgetChanged;
import dev.aios.events.v1.ProjectResumed;
import java.time.Instant;
import java.util.List;

/**
 * A new budget is recorded: a project paused for budget resumes where it paused once there is room (planning asks
 * for the plan again, a sprint dispatches what is pending), and a running one pauses when it is already spent.
 */
final class WhenBudgetChangedThenPauseOrResume implements Reaction<BudgetChanged> {
    private final Dispatch dispatch;

    WhenBudgetChangedThenPauseOrResume(Dispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public Decision decide(ProjectState state, BudgetChanged e, Instant now) {
        if (state.status() == ProjectStatus.NEW || state.status().terminal()) {
            return Decision.none(state);
        }
        var out = new Emissions(state, now);
        out.emit(e);
        ProjectState changed = out.state();
        if (changed.status() == ProjectStatus.PAUSED && changed.budgetMicros() > changed.spentMicros()) {
            out.emit(ProjectResumed.newBuilder()
                    .setProjectId(changed.projectId())
                    .setReason("budget raised to " + changed.budgetMicros() + " micro-dollars")
                    .build());
            if (out.state().status() == ProjectStatus.PLANNING) {
                Replanning.askForPlan(out, out.state().planAttempt() + 1, List.of());
            } else {
                dispatch.dispatchReady(out);
            }
        } else if (changed.status() == ProjectStatus.RUNNING && changed.spentMicros() >= changed.budgetMicros()) {
            Halts.pause(out);
        }
        return out.decision();
    }
}
