package dev.aios.orchestrator.messaging;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.StoredEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows with pipelined confirms and marks a row published only after its ack. Rows are
 * claimed with SKIP LOCKED so replicas share the work; a crash before the mark re-sends (consumers dedupe).
 */
@Component
public class OutboxRelay implements ProjectDecisions.AfterCommit, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EnvelopePublisher publisher;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread worker;

    public OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            EnvelopePublisher publisher,
            @Value("${aios.orchestrator.relay-interval:250ms}") Duration pollInterval) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.pollInterval = pollInterval;
    }

    /** A decision that wrote outbox rows wakes the relay at once; the poll interval is only the fallback. */
    @Override
    public void committed(UUID projectId, List<StoredEvent> events, List<Message> messages) {
        if (messages.stream().anyMatch(m -> m instanceof TaskAssigned || m instanceof PlanProject)) {
            wake.release();
        }
    }

    @Override
    public void committedAll(List<ProjectDecisions.Committed> batch) {
        if (batch.stream()
                .anyMatch(c ->
                        c.messages().stream().anyMatch(m -> m instanceof TaskAssigned || m instanceof PlanProject))) {
            wake.release();
        }
    }

    @Override
    public void start() {
        running = true; // set before the thread starts, so its loop cannot see a stale false
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread w = worker;
        worker = null;
        if (w != null) {
            w.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                relay();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed, retrying: {}", e.getMessage());
            }
        }
    }

    private record Row(long id, Destination destination, Envelope envelope) {}

    public void relay() {
        while (relayBatch() == BATCH) {
            // keep going while the backlog is full batches
        }
    }

    /** Publishes one batch; returns how many rows it claimed. */
    public int relayBatch() {
        Integer claimed = tx.execute(status -> {
            List<Row> rows = jdbc.query(
                    "SELECT id, exchange, routing_key, envelope FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                    (rs, n) -> new Row(
                            rs.getLong(1), new Destination(rs.getString(2), rs.getString(3)), parse(rs.getBytes(4))),
                    BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            var futures = new ArrayList<CompletableFuture<Long>>(rows.size());
            for (Row row : rows) {
                futures.add(publisher.publish(row.destination(), row.envelope()).thenApply(ignored -> row.id()));
            }
            var acked = new ArrayList<Long>();
            for (var f : futures) {
                try {
                    acked.add(f.join());
                } catch (RuntimeException e) {
                    log.warn("outbox row not confirmed, will retry: {}", e.getMessage());
                }
            }
            if (!acked.isEmpty()) {
                jdbc.update("UPDATE outbox SET published_at = now() WHERE id = ANY(?)", (Object)
                        acked.toArray(Long[]::new));
            }
            return rows.size();
        });
        return claimed == null ? 0 : claimed;
    }

    private static Envelope parse(byte[] bytes) {
        try {
            return Envelope.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt outbox envelope", e);
        }
    }
}
