package dev.aios.orchestrator.planning;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.StopCause;
import java.util.List;

/** Asks the CTO for a (new) backlog, or stops the project once its re-plans are used up. */
final class Replanning {
    private final PlannerSettings settings;

    Replanning(PlannerSettings settings) {
        this.settings = settings;
    }

    static void askForPlan(Emissions out, int attempt, List<String> reasons) {
        ProjectState state = out.state();
        out.command(
                PlanProject.newBuilder()
                        .setProjectId(state.projectId())
                        .setName(state.name())
                        .setBrief(state.brief())
                        .setAttempt(attempt)
                        .addAllPreviousRejectionReasons(reasons)
                        .setBudgetMicros(state.budgetMicros())
                        .build(),
                AgentRole.AGENT_ROLE_CTO);
    }

    boolean lastAttempt(ProjectState state, int attempt) {
        return attempt > state.maxReplans(settings);
    }

    void replanOrStop(Emissions out, int attempt, List<String> reasons) {
        if (lastAttempt(out.state(), attempt)) {
            Halts.stop(
                    out,
                    StopCause.STOP_CAUSE_PLANNING_FAILED,
                    "no acceptable backlog after " + attempt + " attempts: " + String.join("; ", reasons));
        } else {
            askForPlan(out, attempt + 1, reasons);
        }
    }
}
