package dev.aios.orchestrator.dispatch;

import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.projection.BufferedWrites;
import dev.aios.orchestrator.projection.Projector;
import java.util.ArrayList;
import java.util.List;

/**
 * Events decided but not yet inserted, and the projection writes that follow them. The writes may refer to their
 * events' rows, so every flush of {@link #writes} inserts the pending events first.
 */
final class PendingAppends {
    private final EventStore store;
    private final List<EventStore.Append> events = new ArrayList<>();
    private final List<ProjectWork> owners = new ArrayList<>();
    private final List<List<StoredEvent>> sinks = new ArrayList<>();
    final BufferedWrites writes;

    PendingAppends(EventStore store, Projector projector) {
        this.store = store;
        this.writes = projector.writes(this::insert);
    }

    /** Queues an event of {@code owner}'s stream; once inserted it is added to the owner's and to {@code sink}. */
    void add(EventStore.Append event, ProjectWork owner, List<StoredEvent> sink) {
        events.add(event);
        owners.add(owner);
        sinks.add(sink);
        owner.appendedAny = true;
    }

    private void insert() {
        if (events.isEmpty()) {
            return;
        }
        List<StoredEvent> stored = store.appendAll(events);
        for (int i = 0; i < stored.size(); i++) {
            owners.get(i).appended.add(stored.get(i));
            sinks.get(i).add(stored.get(i));
        }
        events.clear();
        owners.clear();
        sinks.clear();
    }
}
