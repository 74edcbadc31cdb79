package dev.aios.orchestrator.lease;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.Envelope;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.planning.ProjectStatus;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approval deadlines the event store says are pending: every item of a project that is not finished that was
 * requested with a deadline and not yet granted or rejected, as {@link ApprovalDeadlines}'s sorted-set entry and
 * its deadline in epoch milliseconds. Read only when Redis may have lost them (the lease rebuild), so a deadline
 * survives a wipe like a lease does.
 */
@Component
class ProjectedApprovalDeadlines {
    private static final List<String> TYPES = List.of(
            ApprovalRequested.getDescriptor().getFullName(),
            ApprovalGranted.getDescriptor().getFullName(),
            ApprovalRejected.getDescriptor().getFullName());
    private static final String TERMINAL = Arrays.stream(ProjectStatus.values())
            .filter(ProjectStatus::terminal)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    ProjectedApprovalDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Entry ({@code project/item/grant|reject}) to deadline, sorted so logs and comparisons are stable. */
    Map<String, Long> read() {
        List<UUID> open =
                jdbc.queryForList("SELECT project_id FROM projects WHERE status NOT IN (" + TERMINAL + ")", UUID.class);
        var found = new TreeMap<String, Long>();
        for (UUID project : open) {
            found.putAll(pending(project));
        }
        return found;
    }

    private Map<String, Long> pending(UUID project) {
        // item → its entry and deadline, in the order the project's events requested and decided them
        var waiting = new LinkedHashMap<String, Map.Entry<String, Long>>();
        jdbc.query(
                "SELECT payload FROM events WHERE stream_id = ? AND type IN (?, ?, ?) ORDER BY stream_version",
                (ResultSet rs) -> {
                    switch (parse(rs.getBytes(1))) {
                        case ApprovalRequested r
                        when r.hasDeadline() ->
                            waiting.put(
                                    r.getItemId(), Map.entry(ApprovalDeadlines.entry(r), ApprovalDeadlines.millis(r)));
                        case ApprovalGranted g -> waiting.remove(g.getItemId());
                        case ApprovalRejected r -> waiting.remove(r.getItemId());
                        default -> {}
                    }
                },
                ProjectDecisions.streamOf(project),
                TYPES.get(0),
                TYPES.get(1),
                TYPES.get(2));
        return waiting.values().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Message parse(byte[] payload) {
        try {
            return EventCodec.unwrap(Envelope.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("unreadable approval envelope: " + e.getMessage(), e);
        }
    }
}
