package dev.aios.orchestrator.planning;

import dev.aios.events.v1.LlmCallCompleted;
import java.time.Instant;

/** A model call's cost is charged to its project, which pauses once its budget is spent. */
final class WhenLlmCallCompletedThenChargeBudget implements Reaction<LlmCallCompleted> {
    @Override
    public Decision decide(ProjectState state, LlmCallCompleted e, Instant now) {
        if (state.status() == ProjectStatus.NEW || state.status().terminal()) {
            return Decision.none(state);
        }
        var out = new Emissions(state, now);
        out.emit(e);
        ProjectState charged = out.state();
        if (charged.status() == ProjectStatus.RUNNING && charged.spentMicros() >= charged.budgetMicros()) {
            Halts.pause(out);
        }
        return out.decision();
    }
}
