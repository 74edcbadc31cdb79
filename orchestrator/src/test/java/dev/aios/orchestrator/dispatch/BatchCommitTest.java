package dev.aios.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.aios.events.v1.ProjectSubmitted;
import dev.aios.orchestrator.eventstore.ConcurrencyConflictException;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.planning.ProjectState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A batch that loses an optimistic append to another replica is decided again on fresh state, a bounded number of
 * times; a failure that will not go away is isolated to its project, then to its message.
 */
class BatchCommitTest {
    private final UUID project = UUID.randomUUID();
    private final String stream = ProjectDecisions.streamOf(project);
    private final StreamCache cache = new StreamCache(10);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ProjectDecisions.Committed> hookSaw = new ArrayList<>();
    private final ProjectDecisions.AfterCommit hook =
            (projectId, events, messages) -> hookSaw.add(new ProjectDecisions.Committed(projectId, events, messages));

    @Test
    void aBatchThatLosesItsAppendToAnotherReplicaIsDecidedAgainOnFreshState() throws Exception {
        // given a stream another replica appends to while each of the first two attempts decides
        var replicated = new ContendedStream(2);
        var commit = new BatchCommit(replicated, new CommitEffects(cache, List.of(hook), meters));
        var pending = pending("p");

        // when
        commit.accept(List.of(pending));

        // then the third attempt, reading what the replica wrote, commits: once, after the replica's two events
        ProjectDecisions.Outcome outcome = pending.result().get(5, TimeUnit.SECONDS);
        assertThat(replicated.readVersions).containsExactly(0L, 1L, 2L);
        assertThat(outcome.appended()).extracting(StoredEvent::streamVersion).containsExactly(3L);
        assertThat(hookSaw)
                .singleElement()
                .satisfies(c -> assertThat(c.events()).isEqualTo(outcome.appended()));
        assertThat(cache.get(stream)).hasSize(3);
        assertThat(meters.counter("aios.orchestrator.decision.transactions").count())
                .isEqualTo(1);
    }

    @Test
    void aBatchThatKeepsLosingGivesUpAfterTheRetryBoundWithNothingPublished() {
        // given a replica that wins the stream for the first 100 attempts
        var replicated = new ContendedStream(100);
        var commit = new BatchCommit(replicated, new CommitEffects(cache, List.of(hook), meters));
        var pending = pending("p");

        // when
        commit.accept(List.of(pending));

        // then
        assertThat(pending.result()).isCompletedExceptionally();
        assertThat(pending.result())
                .failsWithin(0, TimeUnit.SECONDS)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(replicated.readVersions).hasSize(BatchCommit.MAX_CONFLICT_RETRIES);
        assertThat(hookSaw).isEmpty();
        assertThat(cache.get(stream)).isEmpty();
        assertThat(meters.counter("aios.orchestrator.decision.transactions").count())
                .isZero();
    }

    @Test
    void aMessageThatAlwaysFailsFailsAloneWhileTheRestOfItsBatchCommits() {
        // given a batch of three messages over two projects, one of which no attempt can decide
        var attempts = new ArrayList<List<String>>();
        var commit = new BatchCommit(
                batch -> {
                    attempts.add(batch.stream()
                            .map(p -> ((ProjectSubmitted) p.incoming()).getName())
                            .toList());
                    if (attempts.getLast().contains("poison")) {
                        throw new IllegalArgumentException("poison cannot be stored");
                    }
                    return decidedAsIs(batch);
                },
                new CommitEffects(cache, List.of(), meters));
        UUID other = UUID.randomUUID();
        var good = pending("good");
        var poison = pending("poison");
        var elsewhere = new PendingDecision(
                other, ProjectSubmitted.newBuilder().setName("elsewhere").build(), null);

        // when
        commit.accept(List.of(good, poison, elsewhere));

        // then the batch is split by project, the failing project then by message (depth first)
        assertThat(good.result()).isCompletedWithValueMatching(o -> !o.duplicate());
        assertThat(elsewhere.result()).isCompletedWithValueMatching(o -> !o.duplicate());
        assertThat(poison.result()).isCompletedExceptionally();
        assertThat(attempts)
                .containsExactly(
                        List.of("good", "poison", "elsewhere"),
                        List.of("good", "poison"),
                        List.of("good"),
                        List.of("poison"),
                        List.of("elsewhere"));
    }

    @Test
    void aTransientFailureFailsTheWholeBatchForALaterRetryWithoutSplittingIt() {
        // given a database that is unavailable
        var attempts = new ArrayList<Integer>();
        var commit = new BatchCommit(
                batch -> {
                    attempts.add(batch.size());
                    throw new org.springframework.dao.TransientDataAccessResourceException("no connection");
                },
                new CommitEffects(cache, List.of(), meters));
        var first = pending("first");
        var second = new PendingDecision(
                UUID.randomUUID(),
                ProjectSubmitted.newBuilder().setName("second").build(),
                null);

        // when
        commit.accept(List.of(first, second));

        // then
        assertThat(first.result()).isCompletedExceptionally();
        assertThat(second.result()).isCompletedExceptionally();
        assertThat(attempts).containsExactly(2);
    }

    private static DecidedBatch decidedAsIs(List<PendingDecision> batch) {
        var outcome = new ProjectDecisions.Outcome(List.of(), ProjectState.from(List.of()), false);
        return new DecidedBatch(
                batch.stream().map(p -> outcome).toList(),
                PendingDecision.byProject(batch).keySet().stream()
                        .map(id -> new DecidedBatch.DecidedProject(id, List.<Message>of(), List.<StoredEvent>of()))
                        .toList());
    }

    private PendingDecision pending(String name) {
        return new PendingDecision(
                project,
                ProjectSubmitted.newBuilder()
                        .setProjectId(project.toString())
                        .setName(name)
                        .build(),
                null);
    }

    /**
     * One project's stream as the database holds it, with another replica that appends to it while each of the first
     * {@code contendedAttempts} attempts decides: each attempt reads the version, then appends at the next version
     * or loses with a conflict, as the event store's optimistic append does.
     */
    private final class ContendedStream implements BatchCommit.Attempt {
        final List<Long> readVersions = new ArrayList<>();
        private final List<Message> events = new ArrayList<>();
        private int contendedAttempts;

        ContendedStream(int contendedAttempts) {
            this.contendedAttempts = contendedAttempts;
        }

        @Override
        public DecidedBatch decide(List<PendingDecision> batch) {
            long read = events.size();
            readVersions.add(read);
            var seen = new ArrayList<>(events);
            if (contendedAttempts-- > 0) {
                events.add(ProjectSubmitted.newBuilder()
                        .setName("by another replica")
                        .build());
            }
            if (events.size() != read) {
                throw new ConcurrencyConflictException(stream, read);
            }
            Message decided = batch.getFirst().incoming();
            events.add(decided);
            seen.add(decided);
            var stored = new StoredEvent(
                    events.size(),
                    stream,
                    events.size(),
                    EventCodec.wrap(decided, project.toString(), null, Instant.EPOCH),
                    Instant.EPOCH);
            var outcome = new ProjectDecisions.Outcome(List.of(stored), ProjectState.from(seen), false);
            return new DecidedBatch(
                    List.of(outcome), List.of(new DecidedBatch.DecidedProject(project, seen, List.of(stored))));
        }
    }
}
