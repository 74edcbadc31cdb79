package dev.aios.orchestrator.lease;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.planning.ProjectStatus;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leases the read model says are outstanding: every ASSIGNED task of a project that is not finished, with the
 * lease id and expiry its latest {@code TaskAssigned} granted (the tasks table holds the attempt, not the expiry,
 * so the expiry comes from the event store). Both are read in one snapshot, so they always agree.
 */
@Component
class ProjectedLeases {
    private static final Logger log = LoggerFactory.getLogger(ProjectedLeases.class);
    private static final String TASK_ASSIGNED = TaskAssigned.getDescriptor().getFullName();
    private static final String TERMINAL = Arrays.stream(ProjectStatus.values())
            .filter(ProjectStatus::terminal)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ProjectedLeases(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Lease id to expiry, for every outstanding lease; sorted by id so logs and comparisons are stable. */
    Map<String, Instant> read() {
        Map<String, Instant> leases = snapshot.execute(status -> {
            Map<UUID, Map<String, Integer>> assigned = new HashMap<>();
            jdbc.query(
                    "SELECT t.project_id, t.task_id, t.attempt FROM tasks t JOIN projects p ON p.project_id = t.project_id"
                            + " WHERE t.status = 'ASSIGNED' AND p.status NOT IN (" + TERMINAL + ")",
                    (ResultSet rs) -> {
                        assigned.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>())
                                .put(rs.getString(2), rs.getInt(3));
                    });
            var found = new TreeMap<String, Instant>();
            assigned.forEach((project, tasks) -> found.putAll(grantedLeases(project, tasks)));
            return found;
        });
        return leases == null ? Map.of() : leases;
    }

    /**
     * Walks the project's assignments newest first and stops once every wanted (task, attempt) is found. A task
     * the events do not explain is logged and left out rather than given a guessed lease, and never stops the
     * other projects' leases from coming back.
     */
    private Map<String, Instant> grantedLeases(UUID project, Map<String, Integer> wanted) {
        var remaining = new HashMap<>(wanted);
        var found = new HashMap<String, Instant>();
        jdbc.query(
                connection -> {
                    var ps = connection.prepareStatement(
                            "SELECT payload FROM events WHERE stream_id = ? AND type = ? ORDER BY stream_version DESC");
                    ps.setString(1, ProjectDecisions.streamOf(project));
                    ps.setString(2, TASK_ASSIGNED);
                    ps.setFetchSize(32); // a review's assignment carries the whole workspace: stream, do not load all
                    return ps;
                },
                (ResultSet rs) -> {
                    while (!remaining.isEmpty() && rs.next()) {
                        TaskAssigned a = parse(rs.getBytes(1));
                        @Nullable Integer attempt = remaining.get(a.getTaskId());
                        if (attempt != null && attempt == a.getAttempt()) {
                            remaining.remove(a.getTaskId());
                            found.put(a.getLeaseId(), LeaseKeeper.toInstant(a.getLeaseExpiresAt()));
                        }
                    }
                    return null;
                });
        if (!remaining.isEmpty()) {
            log.error(
                    "project {}: tasks (id=attempt) {} are ASSIGNED in the projection but no TaskAssigned event grants"
                            + " that attempt; their leases are not rebuilt",
                    project,
                    remaining);
        }
        return found;
    }

    private static TaskAssigned parse(byte[] payload) {
        try {
            return (TaskAssigned) EventCodec.unwrap(Envelope.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("unreadable TaskAssigned envelope: " + e.getMessage(), e);
        }
    }
}
