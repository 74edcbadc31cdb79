package dev.aios.orchestrator.planning;

import dev.aios.events.v1.TaskLeaseExpired;
import java.time.Instant;

/** A task's lease ran out before its result came: it is sent again as a new attempt, or abandoned after the last. */
final class WhenLeaseExpiredThenReassign implements Reaction<TaskLeaseExpired> {
    private final Retries retries;

    WhenLeaseExpiredThenReassign(Retries retries) {
        this.retries = retries;
    }

    @Override
    public Decision decide(ProjectState state, TaskLeaseExpired e, Instant now) {
        if (!state.holdsLease(e.getTaskId(), e.getLeaseId())) {
            return Decision.none(state); // the task finished or was re-assigned before the sweeper saw the lease
        }
        var out = new Emissions(state, now);
        out.emit(e);
        retries.retryOrAbandon(
                out, out.state().tasks().get(e.getTaskId()), "lease " + e.getLeaseId() + " expired", true);
        return out.decision();
    }
}
