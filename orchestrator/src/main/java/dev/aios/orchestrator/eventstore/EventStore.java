package dev.aios.orchestrator.eventstore;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aios.agent.messaging.Destination;
import dev.aios.events.v1.Envelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    private static final String COLUMNS = "global_position, stream_id, stream_version, payload, recorded_at";

    private final JdbcTemplate jdbc;

    public EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends after {@code expectedVersion} (0 = new stream) and returns the stored events. No read-then-write check:
     * inserting expectedVersion + 1 collides with the unique key whenever the caller's view is stale, which is
     * exactly the conflict to report.
     */
    public List<StoredEvent> append(String streamId, long expectedVersion, List<NewEvent> events) {
        var appends = new ArrayList<Append>(events.size());
        for (NewEvent event : events) {
            appends.add(new Append(streamId, expectedVersion + appends.size() + 1, event));
        }
        return appendAll(appends);
    }

    /** One event for {@link #appendAll}: it becomes version {@code version} of its stream. */
    public record Append(String streamId, long version, NewEvent event) {}

    /**
     * Appends events of any number of streams in one round trip (their outbox rows in the same statement), each at
     * the version the caller computed from the tail it read; a version already taken is a
     * {@link ConcurrencyConflictException}, as with {@link #append}. Must run in the caller's transaction.
     */
    public List<StoredEvent> appendAll(List<Append> appends) {
        var stored = new ArrayList<StoredEvent>(appends.size());
        for (int from = 0; from < appends.size(); from += MAX_ROWS_PER_STATEMENT) {
            stored.addAll(appendChunk(appends.subList(from, Math.min(appends.size(), from + MAX_ROWS_PER_STATEMENT))));
        }
        return List.copyOf(stored);
    }

    private static final int MAX_ROWS_PER_STATEMENT = 1_000;

    /** What the insert assigned to one event. */
    private record Written(long position, java.time.Instant recordedAt) {}

    private List<StoredEvent> appendChunk(List<Append> appends) {
        var sql = new StringBuilder(
                "WITH input (stream_id, stream_version, event_id, type, payload, metadata, exchange, routing_key, ord) AS (VALUES ");
        var args = new ArrayList<@Nullable Object>(appends.size() * 9);
        var envelopes = new ArrayList<Envelope>(appends.size());
        for (int i = 0; i < appends.size(); i++) {
            Append a = appends.get(i);
            Envelope envelope = a.event().envelope().toBuilder()
                    .setStreamId(a.streamId())
                    .setStreamVersion(a.version())
                    .build();
            envelopes.add(envelope);
            Destination to = a.event().publishTo();
            sql.append(i == 0 ? "" : ", ")
                    .append("(?::text, ?::bigint, ?::uuid, ?::text, ?::bytea, ?::jsonb, ?::text, ?::text, ?::int)");
            args.addAll(Arrays.asList(
                    a.streamId(),
                    a.version(),
                    UUID.fromString(envelope.getEventId()),
                    envelope.getType(),
                    envelope.toByteArray(),
                    metadataJson(envelope),
                    to == null ? null : to.exchange(),
                    to == null ? null : to.routingKey(),
                    i));
        }
        sql.append("""
                ), e AS (INSERT INTO events (stream_id, stream_version, event_id, type, payload, metadata)
                         SELECT stream_id, stream_version, event_id, type, payload, metadata FROM input ORDER BY ord
                         RETURNING event_id, global_position, recorded_at),
                o AS (INSERT INTO outbox (event_id, exchange, routing_key, envelope)
                      SELECT event_id, exchange, routing_key, payload FROM input WHERE exchange IS NOT NULL ORDER BY ord)
                SELECT event_id, global_position, recorded_at FROM e
                """);
        var written = new HashMap<UUID, Written>();
        try {
            jdbc.query(
                    sql.toString(),
                    rs -> {
                        // the RETURNING rows come back in no promised order: match them by event id
                        UUID id = rs.getObject(1, UUID.class);
                        written.put(
                                id,
                                new Written(rs.getLong(2), rs.getTimestamp(3).toInstant()));
                    },
                    args.toArray());
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyConflictException(
                    "a stream of this batch moved on since it was read: "
                            + e.getMostSpecificCause().getMessage(),
                    e);
        }
        var stored = new ArrayList<StoredEvent>(appends.size());
        for (Envelope envelope : envelopes) {
            Written row = written.get(UUID.fromString(envelope.getEventId()));
            if (row == null) {
                throw new IllegalStateException("event " + envelope.getEventId() + " was not returned by its insert");
            }
            stored.add(new StoredEvent(
                    row.position(), envelope.getStreamId(), envelope.getStreamVersion(), envelope, row.recordedAt()));
        }
        return stored;
    }

    public long currentVersion(String streamId) {
        Long v = jdbc.queryForObject(
                "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = ?", Long.class, streamId);
        return v == null ? 0 : v;
    }

    public List<StoredEvent> readStream(String streamId, long afterVersion, int limit) {
        return jdbc.query("""
                SELECT global_position, stream_id, stream_version, payload, recorded_at FROM events
                WHERE stream_id = ? AND stream_version > ? ORDER BY stream_version LIMIT ?
                """, ROW, streamId, afterVersion, limit);
    }

    /** What {@link #claimAndReadStreams} found: the inbox keys that were new, and each stream's events after the version asked for. */
    public record ClaimedReads(Set<String> claimed, Map<String, List<StoredEvent>> events) {}

    /**
     * Writes inbox keys ({@code ON CONFLICT DO NOTHING}: a key not in {@code claimed} was handled before) and reads
     * the tail of every stream in {@code afterVersions}, in one round trip. Must run in the caller's transaction.
     */
    public ClaimedReads claimAndReadStreams(Collection<String> inboxKeys, Map<String, Long> afterVersions) {
        if (afterVersions.isEmpty()) {
            throw new IllegalArgumentException("no stream to read");
        }
        var keys = List.copyOf(new LinkedHashSet<>(inboxKeys));
        var sql = new StringBuilder();
        if (!keys.isEmpty()) {
            sql.append("INSERT INTO inbox (message_id) VALUES ");
            for (int i = 0; i < keys.size(); i++) {
                sql.append(i == 0 ? "(?)" : ", (?)");
            }
            sql.append(" ON CONFLICT DO NOTHING RETURNING message_id;\n");
        }
        // one branch per stream, each a range scan of the (stream_id, stream_version) index whatever plan the cache
        // settles on: a join on a VALUES list (even a LATERAL one, which the planner flattens) turned into a
        // sequential scan of the whole table once the statement was server-prepared with a generic plan
        for (int i = 0; i < afterVersions.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("(SELECT " + COLUMNS + " FROM events ")
                    .append("WHERE stream_id = ? AND stream_version > ?)");
        }
        sql.append(" ORDER BY stream_id, stream_version");
        return jdbc.execute(sql.toString(), (org.springframework.jdbc.core.PreparedStatementCallback<ClaimedReads>)
                ps -> {
                    int p = 1;
                    for (String key : keys) {
                        ps.setString(p++, key);
                    }
                    for (var entry : afterVersions.entrySet()) {
                        ps.setString(p++, entry.getKey());
                        ps.setLong(p++, entry.getValue());
                    }
                    ps.execute();
                    var claimed = new HashSet<String>();
                    if (!keys.isEmpty()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) {
                                claimed.add(rs.getString(1));
                            }
                        }
                        if (!ps.getMoreResults()) {
                            throw new IllegalStateException("no stream read result");
                        }
                    }
                    var events = new HashMap<String, List<StoredEvent>>();
                    try (ResultSet rs = ps.getResultSet()) {
                        for (int row = 0; rs.next(); row++) {
                            StoredEvent e = toStoredEvent(rs, row);
                            events.computeIfAbsent(e.streamId(), s -> new ArrayList<>())
                                    .add(e);
                        }
                    }
                    return new ClaimedReads(Set.copyOf(claimed), Map.copyOf(events));
                });
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
                (rs, n) -> new CheckpointedEvent(
                        toStoredEvent(rs, n), new GlobalCheckpoint(rs.getLong("tx"), rs.getLong(1))),
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
