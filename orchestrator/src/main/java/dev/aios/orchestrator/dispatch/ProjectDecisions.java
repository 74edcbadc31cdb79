package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.agent.Role;
import dev.aios.agent.messaging.Destination;
import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.Envelope;
import dev.aios.orchestrator.eventstore.ConcurrencyConflictException;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.NewEvent;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.messaging.EventCodec;
import dev.aios.orchestrator.planning.Decision;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.SprintPlanner;
import dev.aios.orchestrator.projection.BufferedWrites;
import dev.aios.orchestrator.projection.Projector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the planner against fresh state in one transaction: inbox key, events, outbox rows and projections
 * commit together. A concurrent append makes it reload and decide again, never overwrite.
 */
@Component
public class ProjectDecisions {
    private static final Logger log = LoggerFactory.getLogger(ProjectDecisions.class);
    private static final int MAX_CONFLICT_RETRIES = 20;
    private static final int LOCK_STRIPES = 64;
    private static final int MAX_BATCH = 64;

    private final EventStore store;
    private final Projector projector;
    private final SprintPlanner planner;
    private final TransactionTemplate tx;
    private final List<AfterCommit> afterCommit;
    private final Clock clock;
    private final AssignmentContext assignmentContext;
    private final StreamCache cache = new StreamCache(2_000);
    private final java.util.concurrent.ConcurrentHashMap<UUID, ConcurrentLinkedQueue<Pending>> pending =
            new java.util.concurrent.ConcurrentHashMap<>();
    // decisions on one project in this JVM take turns; across replicas the expected version still guards
    private final java.util.concurrent.locks.ReentrantLock[] stripes = new java.util.concurrent.locks.ReentrantLock[LOCK_STRIPES];

    public ProjectDecisions(EventStore store, Projector projector, SprintPlanner planner, TransactionTemplate tx,
            List<AfterCommit> afterCommit, Clock clock, AssignmentContext assignmentContext) {
        this.assignmentContext = assignmentContext;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new java.util.concurrent.locks.ReentrantLock();
        }
        this.store = store;
        this.projector = projector;
        this.planner = planner;
        this.tx = tx;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    public static String streamOf(UUID projectId) {
        return "project-" + projectId;
    }

    /** Something that reacts to committed events outside the transaction (leases, indexing, relay wake-up). */
    public interface AfterCommit {
        void committed(UUID projectId, List<StoredEvent> events, List<Message> messages);
    }

    /** What one message caused; {@code state} is the project after the batch it was decided in. */
    public record Outcome(List<StoredEvent> appended, ProjectState state, boolean duplicate) {}

    /**
     * Decides on {@code incoming} for the project. {@code cause} is the envelope it arrived in (its event id is
     * the inbox key and is kept when the planner records the message itself); null for API requests.
     */
    public Outcome handle(UUID projectId, Message incoming, @Nullable Envelope cause) {
        var mine = new Pending(incoming, cause, new CompletableFuture<>());
        ConcurrentLinkedQueue<Pending> queue = pending.computeIfAbsent(projectId, id -> new ConcurrentLinkedQueue<>());
        queue.add(mine);
        var lock = stripes[Math.floorMod(projectId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            // whoever holds the project's lock decides for every message waiting on it, in one transaction:
            // messages of one project arrive in bursts, and this turns their queueing into batching
            while (!mine.result().isDone()) {
                var batch = new ArrayList<Pending>();
                for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
                    batch.add(p);
                }
                if (batch.isEmpty()) {
                    break;
                }
                runBatch(projectId, batch);
            }
        } finally {
            lock.unlock();
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private record Pending(Message incoming, @Nullable Envelope cause, CompletableFuture<Outcome> result) {}

    private record Batch(List<Outcome> outcomes, List<Message> committedStream, List<StoredEvent> appended) {}

    private void runBatch(UUID projectId, List<Pending> batch) {
        Batch result;
        try {
            result = withConflictRetries(projectId, () -> tx.execute(status -> decideBatch(projectId, batch)));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(e);
            } else {
                batch.forEach(p -> runBatch(projectId, List.of(p))); // one bad message must not fail the others
            }
            return;
        }
        cache.put(streamOf(projectId), result.committedStream());
        if (!result.appended().isEmpty()) {
            List<Message> messages = result.appended().stream().map(e -> EventCodec.unwrap(e.envelope())).toList();
            for (AfterCommit hook : afterCommit) {
                try {
                    hook.committed(projectId, result.appended(), messages);
                } catch (RuntimeException e) {
                    log.warn("after-commit hook {} failed for project {}", hook.getClass().getSimpleName(), projectId, e);
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(result.outcomes().get(i));
        }
    }

    private Batch withConflictRetries(UUID projectId, java.util.function.Supplier<Batch> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (ConcurrencyConflictException e) {
                if (n >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                log.debug("conflict on project {} (attempt {}), deciding again on fresh state", projectId, n);
            }
        }
    }

    private Batch decideBatch(UUID projectId, List<Pending> batch) {
        String stream = streamOf(projectId);
        List<Message> cached = cache.get(stream);
        List<Message> stream_ = new ArrayList<>(cached);
        // every inbox key of the batch and the stream's tail in one round trip; a key that was already there means
        // a duplicate delivery, whose message then changes nothing
        var inboxKeys = new ArrayList<String>();
        for (Pending p : batch) {
            if (p.cause() != null) {
                inboxKeys.add(p.cause().getEventId());
            }
        }
        EventStore.ClaimedRead read = store.claimAndReadStream(inboxKeys, stream, cached.size());
        for (StoredEvent e : read.events()) {
            stream_.add(EventCodec.unwrap(e.envelope()));
        }
        ProjectState working = ProjectState.from(stream_);
        ProjectState projected = ProjectState.from(stream_);
        // the project row holds the summary of the committed stream; a decision that changes none of it (a task
        // started) leaves it alone
        Projector.Summary summaryBefore = Projector.Summary.of(projected);
        BufferedWrites writes = projector.writes();
        var outcomes = new ArrayList<Outcome>();
        var allAppended = new ArrayList<StoredEvent>();
        int claim = 0;
        for (Pending p : batch) {
            Envelope cause = p.cause();
            if (cause != null && !read.claimed().get(claim++)) {
                outcomes.add(new Outcome(List.of(), working, true));
                continue;
            }
            Decision decision = planner.decide(working, p.incoming(), clock.instant());
            var appended = new ArrayList<StoredEvent>();
            for (Decision.Output planned : decision.outputs()) {
                if (planned.event() instanceof dev.aios.events.v1.TaskAssigned a
                        && a.getTask().getKind() == dev.aios.events.v1.TaskKind.TASK_KIND_SPRINT_REVIEW) {
                    writes.flush(); // the review's workspace is read back below and must hold this decision's files
                }
                // one event at a time, projected before the next is built: a review assignment's workspace then
                // includes the files of the completion that triggered it
                Decision.Output out = planned.event() instanceof dev.aios.events.v1.TaskAssigned a
                        ? new Decision.Output(assignmentContext.enrich(a), planned.commandTo())
                        : planned;
                Envelope envelope = out.event() == p.incoming() && cause != null
                        ? cause.toBuilder().setCorrelationId(projectId.toString()).build()
                        : EventCodec.wrap(out.event(), projectId.toString(), cause, clock.instant());
                var event = new NewEvent(envelope, out.commandTo() == null ? null : Destination.command(role(out.commandTo())));
                StoredEvent stored = store.append(stream, stream_.size(), List.of(event)).getFirst();
                stream_.add(out.event());
                projected.apply(out.event());
                projector.project(writes, stored, out.event(), projected);
                appended.add(stored);
            }
            allAppended.addAll(appended);
            outcomes.add(new Outcome(List.copyOf(appended), working, false));
        }
        if (!allAppended.isEmpty()) {
            projector.summarise(writes, summaryBefore, projected);
        }
        writes.flush();
        return new Batch(outcomes, stream_, allAppended);
    }

    static Role role(AgentRole role) {
        return Role.valueOf(role.name().replace("AGENT_ROLE_", ""));
    }
}
