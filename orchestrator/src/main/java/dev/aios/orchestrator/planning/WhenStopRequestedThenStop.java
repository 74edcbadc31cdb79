package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ProjectStopped;
import java.time.Instant;

/** A user's stop ends a project that has started and not yet ended. */
final class WhenStopRequestedThenStop implements Reaction<ProjectStopped> {
    @Override
    public Decision decide(ProjectState state, ProjectStopped e, Instant now) {
        if (state.status() == ProjectStatus.NEW || state.status().terminal()) {
            return Decision.none(state);
        }
        var out = new Emissions(state, now);
        out.emit(e);
        return out.decision();
    }
}
