package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.events.v1.Envelope;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.SprintPlanner;
import dev.aios.orchestrator.projection.Projector;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
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
 *
 * <p>The parts, each package-private: {@link DecisionLoops} (threads, queues, batching, a hook deciding from inside a
 * loop), {@link BatchCommit} (the transaction, conflict retries, failure isolation), {@link BatchDecider} (one
 * attempt: claim, read, decide, append), {@link OutgoingEvents} (one message's decision as ordered envelopes),
 * {@link PendingAppends} (events before their projection writes), {@link CommitEffects} (metrics, stream cache,
 * after-commit hooks, callers' futures) and {@link StreamCache}.
 */
@Component
public class ProjectDecisions implements DisposableBean {
    private final DecisionLoops loops;

    public ProjectDecisions(
            EventStore store,
            Projector projector,
            SprintPlanner planner,
            TransactionTemplate tx,
            List<AfterCommit> afterCommit,
            Clock clock,
            AssignmentContext assignmentContext,
            @Value("${aios.orchestrator.decision-threads:1}") int threads,
            @Value("${aios.orchestrator.decision-batch:256}") int maxBatch,
            MeterRegistry meters) {
        if (threads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("decision-threads and decision-batch must be at least 1");
        }
        var cache = new StreamCache(2_000);
        var decider = new BatchDecider(
                store, projector, cache, new OutgoingEvents(planner, projector, assignmentContext, clock));
        var commit = new BatchCommit(
                batch -> tx.execute(status -> decider.decide(batch)), new CommitEffects(cache, afterCommit, meters));
        this.loops = new DecisionLoops("decisions", threads, maxBatch, commit);
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
        var pending = new PendingDecision(projectId, incoming, cause);
        loops.decide(pending);
        try {
            return pending.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** As {@link #handle}, without waiting: the future completes once the decision committed (or failed). */
    public CompletableFuture<Outcome> submit(UUID projectId, Message incoming, @Nullable Envelope cause) {
        var pending = new PendingDecision(projectId, incoming, cause);
        loops.submit(pending);
        return pending.result();
    }

    @Override
    public void destroy() {
        loops.stop();
    }

    /**
     * Whether trying again later may succeed: the database or a connection to it is unavailable, including a commit
     * or rollback that failed with its connection (a commit whose outcome is unknown is safe to retry: the inbox key
     * makes a second decision on the same message a duplicate).
     */
    public static boolean isTransient(Throwable e) {
        return e instanceof TransientDataAccessException
                || e instanceof DataAccessResourceFailureException
                || e instanceof RecoverableDataAccessException
                || e instanceof CannotCreateTransactionException
                || e instanceof TransactionSystemException;
    }
}
