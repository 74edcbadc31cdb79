package dev.aios.orchestrator.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision threads and their queues. A project always hashes to the same loop, and a loop hands everything waiting
 * in its queue (up to {@code maxBatch} messages) to {@code decideBatch} at once; what arrives while a batch is decided
 * waits for the loop's next batch, so a project is never decided on two loops of this JVM at the same time.
 */
final class DecisionLoops {
    private static final Logger log = LoggerFactory.getLogger(DecisionLoops.class);

    private final List<Loop> loops = new ArrayList<>();
    private final int maxBatch;
    private final Consumer<List<PendingDecision>> decideBatch;

    DecisionLoops(String name, int threads, int maxBatch, Consumer<List<PendingDecision>> decideBatch) {
        if (threads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("decision-threads and decision-batch must be at least 1");
        }
        this.maxBatch = maxBatch;
        this.decideBatch = decideBatch;
        for (int i = 0; i < threads; i++) {
            loops.add(new Loop(name + "-" + i));
        }
    }

    /** Queues the message on its project's loop. */
    void submit(PendingDecision pending) {
        loops.get(Math.floorMod(pending.projectId().hashCode(), loops.size()))
                .queue
                .add(pending);
    }

    /**
     * Queues the message, or decides it at once as a batch of its own when called from a decision loop (an after-commit
     * hook deciding from inside a loop would otherwise wait for itself).
     */
    void decide(PendingDecision pending) {
        if (Thread.currentThread() instanceof LoopThread) {
            decideBatch.accept(List.of(pending));
        } else {
            submit(pending);
        }
    }

    /** Stops every loop; what is still queued fails with "shutting down". */
    void stop() {
        loops.forEach(Loop::stop);
    }

    private static final class LoopThread extends Thread {
        LoopThread(Runnable body, String name) {
            super(body, name);
            setDaemon(true);
        }
    }

    /** One thread and its queue. */
    private final class Loop {
        private final BlockingQueue<PendingDecision> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean running = true;

        Loop(String name) {
            thread = new LoopThread(this::loop, name);
            thread.start();
        }

        private void loop() {
            var batch = new ArrayList<PendingDecision>();
            while (running) {
                try {
                    PendingDecision first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    decideBatch.accept(batch);
                } catch (InterruptedException e) {
                    break;
                } catch (RuntimeException | Error e) {
                    log.error("decision loop {} failed on a batch of {}", thread.getName(), batch.size(), e);
                    batch.forEach(p -> p.result().completeExceptionally(e));
                } finally {
                    batch.clear();
                }
            }
            var left = new ArrayList<PendingDecision>();
            queue.drainTo(left);
            left.forEach(p ->
                    p.result().completeExceptionally(new IllegalStateException("the orchestrator is shutting down")));
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }
}
