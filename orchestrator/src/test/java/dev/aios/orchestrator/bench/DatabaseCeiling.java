package dev.aios.orchestrator.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.NewEvent;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.projection.BufferedWrites;
import dev.aios.orchestrator.projection.Projector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's throughput for the orchestrator's own decision SQL, with no planner, no broker and no agents: the
 * same {@link EventStore} and {@link Projector} calls a decision transaction makes (inbox keys and stream tails in
 * one statement, the events in one insert, the projection writes in one multi-statement, the commit), shaped like
 * the measured run's transactions (decisions per transaction, projects per transaction), starts and completions
 * alternating. Rows go to streams of their own in the benchmark's database.
 */
final class DatabaseCeiling {
    private DatabaseCeiling() {}

    /** Decisions per second on {@code threads} connections for {@code duration}. */
    static double decisionsPerSecond(
            ConfigurableApplicationContext app,
            Duration duration,
            int threads,
            int decisionsPerTransaction,
            int projectsPerTransaction)
            throws InterruptedException {
        EventStore store = app.getBean(EventStore.class);
        Projector projector = app.getBean(Projector.class);
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        int projects = Math.max(1, Math.min(projectsPerTransaction, decisionsPerTransaction));
        int perProject = Math.max(1, Math.round(decisionsPerTransaction / (float) projects));
        var done = new AtomicLong();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var ready = new java.util.concurrent.CountDownLatch(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        var end = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    var streams = new ArrayList<Stream>();
                    try {
                        for (int p = 0; p < projects; p++) {
                            Stream first = new Stream(TASKS_PER_PROJECT);
                            tx.executeWithoutResult(status ->
                                    decide(store, projector, new ArrayList<>(List.of(first)), 0)); // dispatch only
                            streams.add(first);
                        }
                    } finally {
                        ready.countDown();
                    }
                    start.await(); // the streams' setup is not measured
                    while (System.nanoTime() < end.get()) {
                        tx.executeWithoutResult(status -> decide(store, projector, streams, perProject));
                        done.addAndGet((long) projects * perProject);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        ready.await();
        end.set(System.nanoTime() + duration.toNanos());
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("database ceiling failed", failure.get());
        }
        return done.get() / (duration.toNanos() / 1e9);
    }

    /**
     * One transaction: {@code perProject} decisions on every stream, as {@code dispatch.BatchDecider.decide} writes
     * them. A stream whose tasks are all done is replaced by a new project, whose dispatch (submission, backlog,
     * sprint, one assignment per task) is written in the same transaction, as the system
     * batches it: every task is assigned, started and completed once, as in the system, and no row is rewritten
     * thousands of times.
     */
    private static void decide(EventStore store, Projector projector, List<Stream> streams, int perProject) {
        var appends = new ArrayList<EventStore.Append>();
        BufferedWrites writes = projector.writes(() -> {
            if (!appends.isEmpty()) {
                store.appendAll(appends);
                appends.clear();
            }
        });
        var inboxKeys = new ArrayList<String>();
        var after = new LinkedHashMap<String, Long>();
        var incoming = new LinkedHashMap<Stream, List<dev.aios.events.v1.Envelope>>();
        var fresh = new ArrayList<Stream>();
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).exhausted()) {
                streams.set(i, new Stream(TASKS_PER_PROJECT));
            }
            Stream s = streams.get(i);
            if (!s.dispatched) {
                s.dispatched = true;
                fresh.add(s);
            }
            after.put(s.id, s.version);
            var messages = new ArrayList<dev.aios.events.v1.Envelope>();
            for (int n = 0; n < perProject && !s.exhausted(); n++) {
                var envelope = EventCodec.wrap(s.next(), s.projectId.toString(), null, Instant.now());
                messages.add(envelope);
                inboxKeys.add(envelope.getEventId());
            }
            incoming.put(s, messages);
        }
        store.claimAndReadStreams(inboxKeys, after);
        for (Stream s : fresh) {
            Projector.Summary before = Projector.Summary.of(s.state);
            for (Message m : s.dispatch()) {
                var envelope = EventCodec.wrap(m, s.projectId.toString(), null, Instant.now());
                // no outbox rows: the running orchestrator's relay would publish them and its agents answer into these
                // streams (one row per assignment, in the same statement as the event, is left out of the ceiling)
                appends.add(new EventStore.Append(s.id, ++s.version, new NewEvent(envelope, null)));
                s.state = ProjectState.evolve(s.state, m);
                projector.project(writes, UUID.fromString(envelope.getEventId()), m, s.state);
            }
            projector.summarise(writes, before, s.state);
        }
        for (var entry : incoming.entrySet()) {
            Stream s = entry.getKey();
            Projector.Summary before = Projector.Summary.of(s.state);
            for (var envelope : entry.getValue()) {
                Message m = EventCodec.unwrap(envelope);
                appends.add(new EventStore.Append(s.id, ++s.version, new NewEvent(envelope, null)));
                s.state = ProjectState.evolve(s.state, m);
                projector.project(writes, UUID.fromString(envelope.getEventId()), m, s.state);
            }
            projector.summarise(writes, before, s.state);
        }
        writes.flush();
    }

    static final int TASKS_PER_PROJECT = 50;

    /** A project whose {@code tasks} tasks are each assigned, started and completed once. */
    private static final class Stream {
        final UUID projectId = UUID.randomUUID();
        final String id = "project-" + projectId;
        ProjectState state = ProjectState.initial();
        final int tasks;
        long version;
        int next;
        boolean dispatched;

        Stream(int tasks) {
            this.tasks = tasks;
        }

        boolean exhausted() {
            return next >= 2 * tasks;
        }

        /** What the orchestrator appends from submission to dispatch: the project, its backlog, a sprint, the assignments. */
        List<Message> dispatch() {
            String project = projectId.toString();
            var history = new ArrayList<Message>();
            history.add(ProjectSubmitted.newBuilder()
                    .setProjectId(project)
                    .setName("ceiling")
                    .setBrief("ceiling")
                    .setBudgetMicros(1_000_000_000L)
                    .build());
            var backlog = BacklogProposed.newBuilder().setProjectId(project).setAttempt(1);
            var sprint = SprintPlanned.newBuilder().setProjectId(project).setSprintNumber(1);
            for (int t = 1; t <= tasks; t++) {
                backlog.addTasks(TaskSpec.newBuilder()
                        .setTaskId("T" + t)
                        .setRole(AgentRole.AGENT_ROLE_BACKEND)
                        .setTitle("task " + t)
                        .setEstimatePoints(1)
                        .setKind(TaskKind.TASK_KIND_CODE));
                sprint.addTaskIds("T" + t);
            }
            history.add(backlog.build());
            history.add(BacklogAccepted.newBuilder()
                    .setProjectId(project)
                    .setAttempt(1)
                    .build());
            history.add(sprint.build());
            for (int t = 1; t <= tasks; t++) {
                // a lease far in the future: the running orchestrator's sweeper must never act on these streams
                history.add(TaskAssigned.newBuilder()
                        .setProjectId(project)
                        .setTaskId("T" + t)
                        .setAttempt(1)
                        .setSprintNumber(1)
                        .setLeaseId(project + "/T" + t + "/1")
                        .setLeaseExpiresAt(com.google.protobuf.Timestamp.newBuilder()
                                .setSeconds(
                                        Instant.now().plus(Duration.ofDays(1)).getEpochSecond()))
                        .setTask(backlog.getTasks(t - 1))
                        .build());
            }
            return history;
        }

        /** The next decision's message: a task started, then that task completed with a one-file changeset. */
        Message next() {
            int n = next++;
            String task = "T" + (1 + n / 2);
            String lease = projectId + "/" + task + "/1";
            if (n % 2 == 0) {
                return TaskStarted.newBuilder()
                        .setProjectId(projectId.toString())
                        .setTaskId(task)
                        .setAttempt(1)
                        .setAgentId("backend-agent-1")
                        .setLeaseId(lease)
                        .build();
            }
            return TaskCompleted.newBuilder()
                    .setProjectId(projectId.toString())
                    .setTaskId(task)
                    .setAttempt(1)
                    .setAgentId("backend-agent-1")
                    .setRole(AgentRole.AGENT_ROLE_BACKEND)
                    .setLeaseId(lease)
                    .setSummary("scripted result for " + task)
                    .setChangeset(Changeset.newBuilder()
                            .addWrites(FileWrite.newBuilder()
                                    .setPath("src/" + task + ".txt")
                                    .setContent(ByteString.copyFromUtf8("work of " + task + "\n"))))
                    .build();
        }
    }
}
