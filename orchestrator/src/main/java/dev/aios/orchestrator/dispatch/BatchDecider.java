package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.events.v1.Envelope;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.projection.Projector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a batch, inside the caller's transaction, in a handful of round trips: claims every inbox key and
 * reads every project's stream after its cached prefix (one round trip), decides each message in arrival order, then
 * inserts the events and their projection writes. A message whose inbox key was already claimed is a duplicate
 * delivery and changes nothing. The stream cache is only read here; it is updated after the commit.
 */
final class BatchDecider {
    private final EventStore store;
    private final Projector projector;
    private final StreamCache cache;
    private final OutgoingEvents outgoing;

    BatchDecider(EventStore store, Projector projector, StreamCache cache, OutgoingEvents outgoing) {
        this.store = store;
        this.projector = projector;
        this.cache = cache;
        this.outgoing = outgoing;
    }

    DecidedBatch decide(List<PendingDecision> batch) {
        Map<UUID, List<PendingDecision>> byProject = PendingDecision.byProject(batch);
        var inboxKeys = new ArrayList<String>();
        var after = new LinkedHashMap<String, Long>();
        var cached = new LinkedHashMap<UUID, List<Message>>();
        for (UUID projectId : byProject.keySet()) {
            List<Message> prefix = cache.get(ProjectDecisions.streamOf(projectId));
            cached.put(projectId, prefix);
            after.put(ProjectDecisions.streamOf(projectId), (long) prefix.size());
        }
        for (PendingDecision p : batch) {
            if (p.cause() != null) {
                inboxKeys.add(p.cause().getEventId());
            }
        }
        EventStore.ClaimedReads read = store.claimAndReadStreams(inboxKeys, after);
        // the keys this batch claimed and no message of it has used yet
        Set<String> claimedUnused = new HashSet<>(read.claimed());
        var work = new LinkedHashMap<UUID, ProjectWork>();
        for (UUID projectId : byProject.keySet()) {
            var events = new ArrayList<>(cached.get(projectId));
            for (StoredEvent e : read.events().getOrDefault(ProjectDecisions.streamOf(projectId), List.of())) {
                events.add(EventCodec.unwrap(e.envelope()));
            }
            work.put(projectId, new ProjectWork(projectId, events));
        }
        var appends = new PendingAppends(store, projector);
        var decided = new ArrayList<@Nullable List<StoredEvent>>(batch.size());
        for (PendingDecision p : batch) {
            ProjectWork project = work.get(p.projectId());
            Envelope cause = p.cause();
            // remove, not contains: a message delivered twice within one batch is decided once
            if (cause != null && !claimedUnused.remove(cause.getEventId())) {
                decided.add(null);
                continue;
            }
            var mine = new ArrayList<StoredEvent>();
            outgoing.decide(project, p, appends, mine);
            decided.add(mine);
        }
        for (ProjectWork project : work.values()) {
            if (project.appendedAny) {
                projector.summarise(appends.writes, project.summaryBefore, project.projected);
            }
        }
        appends.writes.flush(); // inserts the events first, then their projection writes
        var outcomes = new ArrayList<ProjectDecisions.Outcome>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ProjectWork project = work.get(batch.get(i).projectId());
            List<StoredEvent> mine = decided.get(i);
            outcomes.add(
                    mine == null
                            ? new ProjectDecisions.Outcome(List.of(), project.working, true)
                            : new ProjectDecisions.Outcome(List.copyOf(mine), project.working, false));
        }
        var projects = new ArrayList<DecidedBatch.DecidedProject>(work.size());
        for (ProjectWork project : work.values()) {
            projects.add(
                    new DecidedBatch.DecidedProject(project.projectId, project.events, List.copyOf(project.appended)));
        }
        return new DecidedBatch(outcomes, projects);
    }
}
