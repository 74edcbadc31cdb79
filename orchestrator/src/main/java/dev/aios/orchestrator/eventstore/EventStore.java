package dev.aios.orchestrator.eventstore;

import dev.aios.events.v1.Envelope;
import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Append-only PostgreSQL event store. Appends take the version the caller last saw; the unique
 * (stream_id, stream_version) constraint lets exactly one concurrent writer win. Must run inside the caller's
 * transaction so events, outbox rows, inbox keys and projections commit together.
 */
@Component
public class EventStore {
    private static final RowMapper<StoredEvent> ROW = EventStore::toStoredEvent;

    private final JdbcTemplate jdbc;

    public EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends after {@code expectedVersion} (0 = new stream) and returns the stored events. */
    public List<StoredEvent> append(String streamId, long expectedVersion, List<NewEvent> events) {
        // no read-then-write check: inserting expectedVersion + 1 collides with the unique key whenever the
        // caller's view is stale, which is exactly the conflict to report
        var stored = new java.util.ArrayList<StoredEvent>(events.size());
        long version = expectedVersion;
        for (NewEvent event : events) {
            version++;
            Envelope envelope = event.envelope().toBuilder().setStreamId(streamId).setStreamVersion(version).build();
            try {
                stored.add(jdbc.queryForObject(
                        """
                        INSERT INTO events (stream_id, stream_version, event_id, type, payload, metadata)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb)
                        RETURNING global_position, stream_id, stream_version, payload, recorded_at
                        """,
                        ROW,
                        streamId,
                        version,
                        UUID.fromString(envelope.getEventId()),
                        envelope.getType(),
                        envelope.toByteArray(),
                        metadataJson(envelope)));
            } catch (DuplicateKeyException e) {
                // the version was taken between our check and our insert: same outcome as a stale read
                throw new ConcurrencyConflictException(streamId, expectedVersion);
            }
            if (event.publishTo() != null) {
                jdbc.update(
                        "INSERT INTO outbox (event_id, exchange, routing_key, envelope) VALUES (?, ?, ?, ?)",
                        UUID.fromString(envelope.getEventId()),
                        event.publishTo().exchange(),
                        event.publishTo().routingKey(),
                        envelope.toByteArray());
            }
        }
        return List.copyOf(stored);
    }

    public long currentVersion(String streamId) {
        Long v = jdbc.queryForObject(
                "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = ?", Long.class, streamId);
        return v == null ? 0 : v;
    }

    public List<StoredEvent> readStream(String streamId, long afterVersion, int limit) {
        return jdbc.query(
                """
                SELECT global_position, stream_id, stream_version, payload, recorded_at FROM events
                WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version LIMIT ?
                """,
                ROW,
                streamId,
                afterVersion,
                limit);
    }

    public List<StoredEvent> readStream(String streamId) {
        return readStream(streamId, 0, Integer.MAX_VALUE);
    }

    /**
     * Committed events after the checkpoint in commit-safe order: only transactions older than every running
     * one are visible, so a transaction that got an earlier position but commits later is still read.
     */
    public List<CheckpointedEvent> readAll(GlobalCheckpoint after, int limit) {
        return jdbc.query(
                """
                SELECT global_position, stream_id, stream_version, payload, recorded_at, tx_id::text::bigint AS tx
                FROM events
                WHERE (tx_id, global_position) > (?::text::xid8, ?)
                  AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY tx_id, global_position LIMIT ?
                """,
                (rs, n) -> new CheckpointedEvent(toStoredEvent(rs, n), new GlobalCheckpoint(rs.getLong("tx"), rs.getLong(1))),
                Long.toString(after.txId()),
                after.position(),
                limit);
    }

    public record CheckpointedEvent(StoredEvent event, GlobalCheckpoint checkpoint) {}

    private static String metadataJson(Envelope e) {
        return "{\"correlation_id\":\"" + jsonEscape(e.getCorrelationId()) + "\",\"causation_id\":\""
                + jsonEscape(e.getCausationId()) + "\",\"producer\":\"" + jsonEscape(e.getProducer()) + "\"}";
    }

    private static String jsonEscape(String s) {
        var out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static StoredEvent toStoredEvent(ResultSet rs, int row) throws SQLException {
        try {
            return new StoredEvent(
                    rs.getLong("global_position"),
                    rs.getString("stream_id"),
                    rs.getLong("stream_version"),
                    Envelope.parseFrom(rs.getBytes("payload")),
                    rs.getTimestamp("recorded_at").toInstant());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt envelope at position " + rs.getLong("global_position"), e);
        }
    }
}
