package dev.aios.orchestrator.messaging;

import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.events.v1.Envelope;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows with pipelined confirms and marks a row published only after its ack. Rows are
 * claimed with SKIP LOCKED so replicas share the work; a crash before the mark re-sends (consumers dedupe).
 */
@Component
public class OutboxRelay {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EnvelopePublisher publisher;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, EnvelopePublisher publisher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
    }

    private record Row(long id, Destination destination, Envelope envelope) {}

    @Scheduled(fixedDelayString = "${aios.orchestrator.relay-interval:50ms}")
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
                    (rs, n) -> new Row(rs.getLong(1), new Destination(rs.getString(2), rs.getString(3)), parse(rs.getBytes(4))),
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
                jdbc.update("UPDATE outbox SET published_at = now() WHERE id = ANY(?)",
                        (Object) acked.toArray(Long[]::new));
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
