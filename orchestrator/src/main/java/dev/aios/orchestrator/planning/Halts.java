package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ProjectFailed;
import dev.aios.events.v1.ProjectPaused;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.events.v1.StopCause;
import dev.aios.events.v1.TaskFailed;

/** The ways a project stops going forward: paused for budget, stopped by the planner, failed for good. */
final class Halts {
    private Halts() {}

    static void stop(Emissions out, StopCause cause, String reason) {
        out.emit(ProjectStopped.newBuilder()
                .setProjectId(out.state().projectId())
                .setCause(cause)
                .setReason(reason)
                .setStoppedBy("orchestrator")
                .build());
    }

    /** The budget is spent: a running project pauses until it is raised. */
    static void pause(Emissions out) {
        ProjectState state = out.state();
        if (state.status() == ProjectStatus.RUNNING) {
            out.emit(ProjectPaused.newBuilder()
                    .setProjectId(state.projectId())
                    .setReason(
                            "budget spent: " + state.spentMicros() + " of " + state.budgetMicros() + " micro-dollars")
                    .setSpentMicros(state.spentMicros())
                    .setBudgetMicros(state.budgetMicros())
                    .build());
        }
    }

    /** The router's ledger refused a call: what is held for running calls left no room for it, whatever is spent. */
    static void pauseForRefusedCall(Emissions out, TaskFailed e) {
        ProjectState state = out.state();
        if (state.status() == ProjectStatus.RUNNING || state.status() == ProjectStatus.PLANNING) {
            out.emit(ProjectPaused.newBuilder()
                    .setProjectId(state.projectId())
                    .setReason("the router refused a call of task " + e.getTaskId() + " for budget ("
                            + state.spentMicros() + " of " + state.budgetMicros() + " micro-dollars charged so far): "
                            + e.getReason())
                    .setSpentMicros(state.spentMicros())
                    .setBudgetMicros(state.budgetMicros())
                    .build());
        }
    }

    /** No model can answer this project's calls: retries and re-plans would fail the same way. */
    static void fail(Emissions out, TaskFailed e) {
        out.emit(ProjectFailed.newBuilder()
                .setProjectId(out.state().projectId())
                .setTaskId(e.getTaskId())
                .setReason(e.getReason())
                .build());
    }
}
