package dev.aios.orchestrator.planning;

import dev.aios.events.v1.TaskStarted;
import java.time.Instant;

/** An agent started a task under its current lease: recorded; a start under any other lease is ignored. */
final class WhenTaskStartedThenRecord implements Reaction<TaskStarted> {
    @Override
    public Decision decide(ProjectState state, TaskStarted e, Instant now) {
        if (!state.holdsLease(e.getTaskId(), e.getLeaseId())) {
            return Decision.none(state);
        }
        var out = new Emissions(state, now);
        out.emit(e);
        return out.decision();
    }
}
