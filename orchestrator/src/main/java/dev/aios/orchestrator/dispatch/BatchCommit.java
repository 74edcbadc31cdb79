package dev.aios.orchestrator.dispatch;

import dev.aios.orchestrator.eventstore.ConcurrencyConflictException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a batch: one transactional attempt decides all of it; a concurrent append by another replica makes it
 * attempt again on fresh state (at most {@link #MAX_CONFLICT_RETRIES} times); a failure that will not go away by
 * itself is isolated to its project, then to its message, so one bad message never fails the others. What committed
 * goes to {@link CommitEffects}.
 */
final class BatchCommit implements Consumer<List<PendingDecision>> {
    private static final Logger log = LoggerFactory.getLogger(BatchCommit.class);
    static final int MAX_CONFLICT_RETRIES = 20;

    /** One attempt at the whole batch in its own transaction: reads fresh state, decides, appends, commits. */
    @FunctionalInterface
    interface Attempt {
        /** @throws ConcurrencyConflictException when another writer appended to one of the streams since it was read */
        DecidedBatch decide(List<PendingDecision> batch);
    }

    private final Attempt attempt;
    private final CommitEffects effects;

    BatchCommit(Attempt attempt, CommitEffects effects) {
        this.attempt = attempt;
        this.effects = effects;
    }

    @Override
    public void accept(List<PendingDecision> batch) {
        DecidedBatch decided;
        try {
            decided = withConflictRetries(batch);
        } catch (RuntimeException e) {
            Map<UUID, List<PendingDecision>> byProject = PendingDecision.byProject(batch);
            if (ProjectDecisions.isTransient(e) || batch.size() == 1) {
                batch.forEach(p -> p.result().completeExceptionally(e)); // retried later, through the broker
            } else if (byProject.size() > 1) {
                byProject.values().forEach(this::accept);
            } else {
                batch.forEach(p -> accept(List.of(p))); // one bad message must not fail the others
            }
            return;
        }
        effects.committed(batch, decided);
    }

    private DecidedBatch withConflictRetries(List<PendingDecision> batch) {
        for (int n = 1; ; n++) {
            try {
                return attempt.decide(batch);
            } catch (ConcurrencyConflictException e) {
                if (n >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                log.debug("conflict on {} (attempt {}), deciding again on fresh state", e.getMessage(), n);
            }
        }
    }
}
