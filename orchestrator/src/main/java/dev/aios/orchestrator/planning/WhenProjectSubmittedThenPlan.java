package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ProjectSubmitted;
import java.time.Instant;
import java.util.List;

/** A new project is recorded and the CTO is asked for its first backlog. */
final class WhenProjectSubmittedThenPlan implements Reaction<ProjectSubmitted> {
    @Override
    public Decision decide(ProjectState state, ProjectSubmitted e, Instant now) {
        if (state.status() != ProjectStatus.NEW) {
            return Decision.none(state);
        }
        var out = new Emissions(state, now);
        out.emit(e);
        Replanning.askForPlan(out, 1, List.of());
        return out.decision();
    }
}
