package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.orchestrator.eventstore.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a committed batch, in this order: the decision counters, the stream cache (only committed streams enter
 * it), the after-commit hooks (a failing hook is logged, never undoes the commit), then the callers' futures.
 */
final class CommitEffects {
    private static final Logger log = LoggerFactory.getLogger(CommitEffects.class);

    private final StreamCache cache;
    private final List<ProjectDecisions.AfterCommit> afterCommit;
    private final Counter transactions;
    private final Counter decisions;
    private final Counter projects;

    CommitEffects(StreamCache cache, List<ProjectDecisions.AfterCommit> afterCommit, MeterRegistry meters) {
        this.cache = cache;
        this.afterCommit = afterCommit;
        this.transactions = Counter.builder("aios.orchestrator.decision.transactions")
                .description("committed decision transactions (one per batch)")
                .register(meters);
        this.decisions = Counter.builder("aios.orchestrator.decisions")
                .description("messages decided in committed transactions, duplicates included")
                .register(meters);
        this.projects = Counter.builder("aios.orchestrator.decision.projects")
                .description("projects decided on in committed transactions, summed over transactions")
                .register(meters);
    }

    void committed(List<PendingDecision> batch, DecidedBatch decided) {
        transactions.increment();
        decisions.increment(batch.size());
        projects.increment(decided.projects().size());
        var committed =
                new ArrayList<ProjectDecisions.Committed>(decided.projects().size());
        for (DecidedBatch.DecidedProject project : decided.projects()) {
            cache.put(ProjectDecisions.streamOf(project.projectId()), project.streamAfterCommit());
            if (!project.appended().isEmpty()) {
                List<Message> messages = project.appended().stream()
                        .map(e -> EventCodec.unwrap(e.envelope()))
                        .toList();
                committed.add(new ProjectDecisions.Committed(project.projectId(), project.appended(), messages));
            }
        }
        if (!committed.isEmpty()) {
            for (ProjectDecisions.AfterCommit hook : afterCommit) {
                try {
                    hook.committedAll(committed);
                } catch (RuntimeException e) {
                    log.warn(
                            "after-commit hook {} failed for {} project(s)",
                            hook.getClass().getSimpleName(),
                            committed.size(),
                            e);
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(decided.outcomes().get(i));
        }
    }
}
