package dev.aios.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.ProjectSubmitted;
import dev.aios.orchestrator.planning.ProjectState;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decision loops: a project's messages are decided on one thread, batch after batch, and a hook may decide from inside. */
class DecisionLoopsTest {
    private static final ProjectDecisions.Outcome DECIDED =
            new ProjectDecisions.Outcome(List.of(), ProjectState.from(List.of()), false);

    private DecisionLoops loops;

    @AfterEach
    void stopLoops() {
        if (loops != null) {
            loops.stop();
        }
    }

    @Test
    void messagesArrivingWhileTheirProjectIsBeingDecidedAreTakenByTheSameLoopInItsNextBatch() throws Exception {
        // given four loops whose first batch for a project is held inside its decision
        var decider = new RecordingDecider();
        loops = new DecisionLoops("test", 4, 256, decider);
        UUID project = UUID.randomUUID();
        var first = pending(project, "first");
        loops.submit(first);
        assertThat(decider.firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();

        // when two more messages for that project arrive during the decision, then it ends
        var second = pending(project, "second");
        var third = pending(project, "third");
        loops.submit(second);
        loops.submit(third);
        decider.releaseFirstBatch.countDown();

        // then the loop takes both together as its next batch, on the same thread, never two decisions of the project
        // at once
        assertThat(third.result().get(5, TimeUnit.SECONDS)).isSameAs(DECIDED);
        assertThat(second.result()).isCompletedWithValue(DECIDED);
        assertThat(decider.batches)
                .extracting(Batch::names)
                .containsExactly(List.of("first"), List.of("second", "third"));
        assertThat(decider.batches)
                .extracting(Batch::thread)
                .containsOnly(decider.batches.getFirst().thread());
        assertThat(decider.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aHookDecidingFromInsideALoopIsDecidedAtOnceOnThatLoopsThread() throws Exception {
        // given a decision that, as an after-commit hook does, decides another message and waits for it
        UUID project = UUID.randomUUID();
        var nested = pending(project, "nested");
        var nestedThread = new CopyOnWriteArrayList<String>();
        var outerThread = new CopyOnWriteArrayList<String>();
        loops = new DecisionLoops("test", 1, 256, batch -> {
            for (PendingDecision p : batch) {
                String name = ((ProjectSubmitted) p.incoming()).getName();
                if (name.equals("outer")) {
                    outerThread.add(Thread.currentThread().getName());
                    loops.decide(nested);
                    try {
                        nested.result().get(2, TimeUnit.SECONDS); // a queued message would wait for this very loop
                    } catch (Exception e) {
                        throw new IllegalStateException("the nested decision did not happen while its hook waited", e);
                    }
                } else {
                    nestedThread.add(Thread.currentThread().getName());
                }
                p.result().complete(DECIDED);
            }
        });

        // when
        var outer = pending(project, "outer");
        loops.decide(outer);

        // then
        assertThat(outer.result().get(10, TimeUnit.SECONDS)).isSameAs(DECIDED);
        assertThat(nested.result()).isCompletedWithValue(DECIDED);
        assertThat(nestedThread).containsExactlyElementsOf(outerThread);
    }

    @Test
    void whatIsStillQueuedWhenTheLoopsStopFailsInsteadOfWaitingForever() throws Exception {
        // given a loop held inside a decision and a message queued behind it
        var decider = new RecordingDecider();
        loops = new DecisionLoops("test", 1, 256, decider);
        UUID project = UUID.randomUUID();
        loops.submit(pending(project, "first"));
        assertThat(decider.firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();
        var queued = pending(project, "queued");
        loops.submit(queued);

        // when
        loops.stop();
        decider.releaseFirstBatch.countDown();

        // then
        assertThat(queued.result())
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableThat()
                .withMessageContaining("shutting down");
    }

    private static PendingDecision pending(UUID project, String name) {
        return new PendingDecision(
                project,
                ProjectSubmitted.newBuilder()
                        .setProjectId(project.toString())
                        .setName(name)
                        .build(),
                null);
    }

    record Batch(String thread, List<String> names) {}

    /** Records each batch and its thread, holds the first batch until released, counts decisions running at once. */
    private static final class RecordingDecider implements Consumer<List<PendingDecision>> {
        final List<Batch> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch firstBatchStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final ConcurrentHashMap<UUID, AtomicInteger> running = new ConcurrentHashMap<>();

        @Override
        public void accept(List<PendingDecision> batch) {
            UUID project = batch.getFirst().projectId();
            int atOnce =
                    running.computeIfAbsent(project, id -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(atOnce, Math::max);
            try {
                batches.add(new Batch(
                        Thread.currentThread().getName(),
                        batch.stream()
                                .map(p -> ((ProjectSubmitted) p.incoming()).getName())
                                .toList()));
                if (batches.size() == 1) {
                    firstBatchStarted.countDown();
                    releaseFirstBatch.await(5, TimeUnit.SECONDS);
                }
                batch.forEach(p -> p.result().complete(DECIDED));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.get(project).decrementAndGet();
            }
        }
    }
}
