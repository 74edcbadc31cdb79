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
import dev.aios.orchestrator.projection.Projector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final EventStore store;
    private final Projector projector;
    private final SprintPlanner planner;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final List<AfterCommit> afterCommit;
    private final Clock clock;
    private final AssignmentContext assignmentContext;
    private final StreamCache cache = new StreamCache(2_000);
    // decisions on one project in this JVM take turns; across replicas the expected version still guards
    private final java.util.concurrent.locks.ReentrantLock[] stripes = new java.util.concurrent.locks.ReentrantLock[LOCK_STRIPES];

    public ProjectDecisions(EventStore store, Projector projector, SprintPlanner planner, TransactionTemplate tx,
            JdbcTemplate jdbc, List<AfterCommit> afterCommit, Clock clock, AssignmentContext assignmentContext) {
        this.assignmentContext = assignmentContext;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new java.util.concurrent.locks.ReentrantLock();
        }
        this.store = store;
        this.projector = projector;
        this.planner = planner;
        this.tx = tx;
        this.jdbc = jdbc;
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

    public record Outcome(List<StoredEvent> appended, ProjectState state, boolean duplicate, @Nullable List<Message> committedStream) {
        Outcome(List<StoredEvent> appended, ProjectState state, boolean duplicate) {
            this(appended, state, duplicate, null);
        }
    }

    /**
     * Decides on {@code incoming} for the project. {@code cause} is the envelope it arrived in (its event id is
     * the inbox key and is kept when the planner records the message itself); null for API requests.
     */
    public Outcome handle(UUID projectId, Message incoming, @Nullable Envelope cause) {
        var lock = stripes[Math.floorMod(projectId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return handleLocked(projectId, incoming, cause);
        } finally {
            lock.unlock();
        }
    }

    private Outcome handleLocked(UUID projectId, Message incoming, @Nullable Envelope cause) {
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome = tx.execute(status -> decideOnce(projectId, incoming, cause));
                if (outcome.committedStream() != null) {
                    cache.put(streamOf(projectId), outcome.committedStream());
                }
                if (!outcome.appended().isEmpty()) {
                    List<Message> messages = outcome.appended().stream().map(e -> EventCodec.unwrap(e.envelope())).toList();
                    for (AfterCommit hook : afterCommit) {
                        try {
                            hook.committed(projectId, outcome.appended(), messages);
                        } catch (RuntimeException e) {
                            log.warn("after-commit hook {} failed for project {}", hook.getClass().getSimpleName(), projectId, e);
                        }
                    }
                }
                return outcome;
            } catch (ConcurrencyConflictException e) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                log.debug("conflict on project {} (attempt {}), deciding again on fresh state", projectId, attempt);
            }
        }
    }

    private Outcome decideOnce(UUID projectId, Message incoming, @Nullable Envelope cause) {
        if (cause != null && jdbc.update("INSERT INTO inbox (message_id) VALUES (?) ON CONFLICT DO NOTHING", cause.getEventId()) == 0) {
            return new Outcome(List.of(), new ProjectState(), true);
        }
        String stream = streamOf(projectId);
        List<Message> cached = cache.get(stream);
        List<Message> priorMessages = new ArrayList<>(cached);
        for (StoredEvent e : store.readStream(stream, cached.size(), Integer.MAX_VALUE)) {
            priorMessages.add(EventCodec.unwrap(e.envelope()));
        }
        ProjectState working = ProjectState.from(priorMessages);
        Decision decision = planner.decide(working, incoming, clock.instant());
        if (decision.isEmpty()) {
            return new Outcome(List.of(), working, false, priorMessages);
        }
        var newEvents = new ArrayList<NewEvent>();
        var outputs = new ArrayList<Decision.Output>();
        for (Decision.Output planned : decision.outputs()) {
            Decision.Output out = planned.event() instanceof dev.aios.events.v1.TaskAssigned a
                    ? new Decision.Output(assignmentContext.enrich(a), planned.commandTo())
                    : planned;
            outputs.add(out);
            Envelope envelope = out.event() == incoming && cause != null
                    ? cause.toBuilder().setCorrelationId(projectId.toString()).build()
                    : EventCodec.wrap(out.event(), projectId.toString(), cause, clock.instant());
            newEvents.add(new NewEvent(envelope, out.commandTo() == null ? null : Destination.command(role(out.commandTo()))));
        }
        List<StoredEvent> appended = store.append(stream, priorMessages.size(), newEvents);
        ProjectState projected = ProjectState.from(priorMessages);
        for (int i = 0; i < appended.size(); i++) {
            Message event = outputs.get(i).event();
            projected.apply(event);
            projector.project(appended.get(i), event, projected);
        }
        projector.summarise(projected);
        var committed = new ArrayList<>(priorMessages);
        outputs.forEach(o -> committed.add(o.event()));
        return new Outcome(appended, projected, false, committed);
    }

    static Role role(AgentRole role) {
        return Role.valueOf(role.name().replace("AGENT_ROLE_", ""));
    }
}
