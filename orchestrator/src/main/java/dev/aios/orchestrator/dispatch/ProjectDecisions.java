package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.agent.Role;
import dev.aios.agent.messaging.Destination;
import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskKind;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the planner against fresh state and commits what it decided: inbox keys, events, outbox rows and projections
 * in one transaction. Each project belongs to one decision loop (a thread), which takes every message waiting for
 * any of its projects and decides them together, in one transaction with a handful of round trips; a concurrent
 * append by another replica makes it reload and decide again, never overwrite.
 */
@Component
public class ProjectDecisions implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProjectDecisions.class);
    private static final int MAX_CONFLICT_RETRIES = 20;

    private final EventStore store;
    private final Projector projector;
    private final SprintPlanner planner;
    private final TransactionTemplate tx;
    private final List<AfterCommit> afterCommit;
    private final Clock clock;
    private final AssignmentContext assignmentContext;
    private final int maxBatch;
    private final StreamCache cache = new StreamCache(2_000);
    private final List<DecisionLoop> loops = new ArrayList<>();
    private final Counter transactions;
    private final Counter decided;
    private final Counter projectsDecided;

    public ProjectDecisions(EventStore store, Projector projector, SprintPlanner planner, TransactionTemplate tx,
            List<AfterCommit> afterCommit, Clock clock, AssignmentContext assignmentContext,
            @Value("${aios.orchestrator.decision-threads:1}") int threads,
            @Value("${aios.orchestrator.decision-batch:256}") int maxBatch, MeterRegistry meters) {
        if (threads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("decision-threads and decision-batch must be at least 1");
        }
        this.store = store;
        this.projector = projector;
        this.planner = planner;
        this.tx = tx;
        this.afterCommit = afterCommit;
        this.clock = clock;
        this.assignmentContext = assignmentContext;
        this.maxBatch = maxBatch;
        this.transactions = Counter.builder("aios.orchestrator.decision.transactions")
                .description("committed decision transactions (one per batch)").register(meters);
        this.decided = Counter.builder("aios.orchestrator.decisions")
                .description("messages decided in committed transactions, duplicates included").register(meters);
        this.projectsDecided = Counter.builder("aios.orchestrator.decision.projects")
                .description("projects decided on in committed transactions, summed over transactions").register(meters);
        for (int i = 0; i < threads; i++) {
            loops.add(new DecisionLoop("decisions-" + i));
        }
    }

    public static String streamOf(UUID projectId) {
        return "project-" + projectId;
    }

    /** Something that reacts to committed events outside the transaction (leases, indexing, relay wake-up). */
    public interface AfterCommit {
        void committed(UUID projectId, List<StoredEvent> events, List<Message> messages);

        /** Everything one transaction committed, project by project; override to react to a batch at once. */
        default void committedAll(List<Committed> batch) {
            for (Committed c : batch) {
                committed(c.projectId(), c.events(), c.messages());
            }
        }
    }

    /** The events one transaction appended to one project's stream, with their decoded messages. */
    public record Committed(UUID projectId, List<StoredEvent> events, List<Message> messages) {}

    /** What one message caused; {@code state} is the project after the batch it was decided in. */
    public record Outcome(List<StoredEvent> appended, ProjectState state, boolean duplicate) {}

    /**
     * Decides on {@code incoming} for the project and waits until that committed. {@code cause} is the envelope it
     * arrived in (its event id is the inbox key and is kept when the planner records the message itself); null for
     * API requests.
     */
    public Outcome handle(UUID projectId, Message incoming, @Nullable Envelope cause) {
        CompletableFuture<Outcome> result;
        if (Thread.currentThread() instanceof DecisionThread) {
            // a hook deciding from inside a loop would wait for itself
            var mine = new Pending(projectId, incoming, cause, new CompletableFuture<>());
            run(List.of(mine));
            result = mine.result();
        } else {
            result = submit(projectId, incoming, cause);
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** As {@link #handle}, without waiting: the future completes once the decision committed (or failed). */
    public CompletableFuture<Outcome> submit(UUID projectId, Message incoming, @Nullable Envelope cause) {
        var pending = new Pending(projectId, incoming, cause, new CompletableFuture<>());
        loops.get(Math.floorMod(projectId.hashCode(), loops.size())).queue.add(pending);
        return pending.result();
    }

    @Override
    public void destroy() {
        loops.forEach(DecisionLoop::stop);
    }

    private record Pending(UUID projectId, Message incoming, @Nullable Envelope cause, CompletableFuture<Outcome> result) {}

    private record ProjectResult(UUID projectId, List<Message> committedStream, List<StoredEvent> appended) {}

    private record Batch(List<Outcome> outcomes, List<ProjectResult> projects) {}

    private static final class DecisionThread extends Thread {
        DecisionThread(Runnable body, String name) {
            super(body, name);
            setDaemon(true);
        }
    }

    /** One thread and its queue; the projects hashed to it are decided only here, so they never conflict in this JVM. */
    private final class DecisionLoop {
        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean running = true;

        DecisionLoop(String name) {
            thread = new DecisionThread(this::loop, name);
            thread.start();
        }

        private void loop() {
            var batch = new ArrayList<Pending>();
            while (running) {
                try {
                    Pending first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    run(batch);
                } catch (InterruptedException e) {
                    break;
                } catch (RuntimeException | Error e) {
                    log.error("decision loop {} failed on a batch of {}", thread.getName(), batch.size(), e);
                    batch.forEach(p -> p.result().completeExceptionally(e));
                } finally {
                    batch.clear();
                }
            }
            var left = new ArrayList<Pending>();
            queue.drainTo(left);
            left.forEach(p -> p.result().completeExceptionally(new IllegalStateException("the orchestrator is shutting down")));
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }

    /** Decides a batch in one transaction; a deterministic failure is isolated to its project, then to its message. */
    private void run(List<Pending> batch) {
        Batch result;
        try {
            result = withConflictRetries(() -> tx.execute(status -> decideAll(batch)));
        } catch (RuntimeException e) {
            Map<UUID, List<Pending>> byProject = byProject(batch);
            if (isTransient(e) || batch.size() == 1) {
                batch.forEach(p -> p.result().completeExceptionally(e)); // retried later, through the broker
            } else if (byProject.size() > 1) {
                byProject.values().forEach(this::run);
            } else {
                batch.forEach(p -> run(List.of(p))); // one bad message must not fail the others
            }
            return;
        }
        transactions.increment();
        decided.increment(batch.size());
        projectsDecided.increment(result.projects().size());
        var committed = new ArrayList<Committed>(result.projects().size());
        for (ProjectResult project : result.projects()) {
            cache.put(streamOf(project.projectId()), project.committedStream());
            if (!project.appended().isEmpty()) {
                List<Message> messages = project.appended().stream().map(e -> EventCodec.unwrap(e.envelope())).toList();
                committed.add(new Committed(project.projectId(), project.appended(), messages));
            }
        }
        if (!committed.isEmpty()) {
            for (AfterCommit hook : afterCommit) {
                try {
                    hook.committedAll(committed);
                } catch (RuntimeException e) {
                    log.warn("after-commit hook {} failed for {} project(s)", hook.getClass().getSimpleName(), committed.size(), e);
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(result.outcomes().get(i));
        }
    }

    /**
     * Whether trying again later may succeed: the database or a connection to it is unavailable, including a commit
     * or rollback that failed with its connection (a commit whose outcome is unknown is safe to retry: the inbox key
     * makes a second decision on the same message a duplicate).
     */
    public static boolean isTransient(Throwable e) {
        return e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
                || e instanceof RecoverableDataAccessException || e instanceof CannotCreateTransactionException
                || e instanceof TransactionSystemException;
    }

    private Batch withConflictRetries(java.util.function.Supplier<Batch> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (ConcurrencyConflictException e) {
                if (n >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                log.debug("conflict on {} (attempt {}), deciding again on fresh state", e.getMessage(), n);
            }
        }
    }

    private static Map<UUID, List<Pending>> byProject(List<Pending> batch) {
        var byProject = new LinkedHashMap<UUID, List<Pending>>();
        for (Pending p : batch) {
            byProject.computeIfAbsent(p.projectId(), id -> new ArrayList<>()).add(p);
        }
        return byProject;
    }

    /** A project's stream and states while its messages are decided. */
    private final class ProjectWork {
        final UUID projectId;
        final String stream;
        final List<Message> events;
        final ProjectState working;
        final ProjectState projected;
        final Projector.Summary summaryBefore;
        final List<StoredEvent> appended = new ArrayList<>();
        boolean appendedAny;

        ProjectWork(UUID projectId, List<Message> events) {
            this.projectId = projectId;
            this.stream = streamOf(projectId);
            this.events = events;
            this.working = ProjectState.from(events);
            this.projected = ProjectState.from(events);
            // the project row holds the summary of the committed stream; a decision that changes none of it (a
            // task started) leaves it alone
            this.summaryBefore = Projector.Summary.of(projected);
        }
    }

    /**
     * Events decided but not yet inserted, and the projection writes that follow them. The writes may refer to their
     * events' rows, so every flush of the writes inserts the pending events first.
     */
    private final class Appends {
        final List<EventStore.Append> events = new ArrayList<>();
        final List<ProjectWork> owners = new ArrayList<>();
        final List<List<StoredEvent>> sinks = new ArrayList<>();
        final BufferedWrites writes = projector.writes(this::insert);

        void insert() {
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

    private Batch decideAll(List<Pending> batch) {
        Map<UUID, List<Pending>> byProject = byProject(batch);
        // every inbox key and every project's tail after its cached prefix, in one round trip; a key that was
        // already there means a duplicate delivery, whose message then changes nothing
        var inboxKeys = new ArrayList<String>();
        var after = new LinkedHashMap<String, Long>();
        var cached = new LinkedHashMap<UUID, List<Message>>();
        for (UUID projectId : byProject.keySet()) {
            List<Message> prefix = cache.get(streamOf(projectId));
            cached.put(projectId, prefix);
            after.put(streamOf(projectId), (long) prefix.size());
        }
        for (Pending p : batch) {
            if (p.cause() != null) {
                inboxKeys.add(p.cause().getEventId());
            }
        }
        EventStore.ClaimedReads read = store.claimAndReadStreams(inboxKeys, after);
        Set<String> unclaimed = new HashSet<>(read.claimed());
        var work = new LinkedHashMap<UUID, ProjectWork>();
        for (UUID projectId : byProject.keySet()) {
            var events = new ArrayList<>(cached.get(projectId));
            for (StoredEvent e : read.events().getOrDefault(streamOf(projectId), List.of())) {
                events.add(EventCodec.unwrap(e.envelope()));
            }
            work.put(projectId, new ProjectWork(projectId, events));
        }
        var appends = new Appends();
        var decided = new ArrayList<@Nullable List<StoredEvent>>(batch.size());
        for (Pending p : batch) {
            ProjectWork project = work.get(p.projectId());
            Envelope cause = p.cause();
            // remove, not contains: a message delivered twice within one batch is decided once
            if (cause != null && !unclaimed.remove(cause.getEventId())) {
                decided.add(null);
                continue;
            }
            var mine = new ArrayList<StoredEvent>();
            decide(project, p, cause, appends, mine);
            decided.add(mine);
        }
        for (ProjectWork project : work.values()) {
            if (project.appendedAny) {
                projector.summarise(appends.writes, project.summaryBefore, project.projected);
            }
        }
        appends.writes.flush(); // inserts the events first, then their projection writes
        var outcomes = new ArrayList<Outcome>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ProjectWork project = work.get(batch.get(i).projectId());
            List<StoredEvent> mine = decided.get(i);
            outcomes.add(mine == null
                    ? new Outcome(List.of(), project.working, true)
                    : new Outcome(List.copyOf(mine), project.working, false));
        }
        var projects = new ArrayList<ProjectResult>(work.size());
        for (ProjectWork project : work.values()) {
            projects.add(new ProjectResult(project.projectId, project.events, List.copyOf(project.appended)));
        }
        return new Batch(outcomes, projects);
    }

    private void decide(ProjectWork project, Pending p, @Nullable Envelope cause, Appends appends, List<StoredEvent> mine) {
        Decision decision = planner.decide(project.working, p.incoming(), clock.instant());
        for (Decision.Output planned : decision.outputs()) {
            Decision.Output out = planned;
            if (planned.event() instanceof TaskAssigned a) {
                if (a.getTask().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
                    appends.writes.flush(); // the review's workspace is read back and must hold this batch's files
                }
                out = new Decision.Output(assignmentContext.enrich(a, project.working, project.events), planned.commandTo());
            }
            Envelope envelope = out.event() == p.incoming() && cause != null
                    ? cause.toBuilder().setCorrelationId(project.projectId.toString()).build()
                    : EventCodec.wrap(out.event(), project.projectId.toString(), cause, clock.instant());
            var event = new NewEvent(envelope, out.commandTo() == null ? null : Destination.command(role(out.commandTo())));
            long version = project.events.size() + 1;
            appends.events.add(new EventStore.Append(project.stream, version, event));
            appends.owners.add(project);
            appends.sinks.add(mine);
            project.appendedAny = true;
            project.events.add(out.event());
            project.projected.apply(out.event());
            // one event at a time, projected before the next is decided: a review assignment's workspace then
            // includes the files of the completion that triggered it
            projector.project(appends.writes, UUID.fromString(envelope.getEventId()), out.event(), project.projected);
        }
    }

    static Role role(AgentRole role) {
        return Role.valueOf(role.name().replace("AGENT_ROLE_", ""));
    }
}
