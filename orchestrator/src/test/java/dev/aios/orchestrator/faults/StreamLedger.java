package dev.aios.orchestrator.faults;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.eventstore.EventCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Folds every project stream of a database and counts what the fault tests' invariants are about: version gaps,
 * a task assigned while another lease on it was still open, a lease answered (completed or failed) by two agents,
 * tasks completed other than exactly once, projects not delivered. A lease started by one agent and answered by another
 * is a redelivery (the first agent lost its delivery before acking, e.g. in a broker kill): at-least-once allows it and
 * the lease fence keeps its effect single, so it is counted, not reported as a problem.
 */
record StreamLedger(
        int projects,
        int delivered,
        int events,
        int versionGaps,
        int tasks,
        int completions,
        int tasksNotCompletedExactlyOnce,
        int assignedWhileHeld,
        int leasesAnsweredByTwoAgents,
        int leasesRedelivered,
        int leaseExpiries,
        List<String> problems) {

    boolean clean() {
        return versionGaps == 0
                && tasksNotCompletedExactlyOnce == 0
                && assignedWhileHeld == 0
                && leasesAnsweredByTwoAgents == 0;
    }

    static StreamLedger of(JdbcTemplate jdbc) {
        var streams = new HashMap<String, List<Object[]>>();
        jdbc.query(
                "SELECT stream_id, stream_version, payload FROM events WHERE stream_id LIKE 'project-%' ORDER BY stream_id, stream_version",
                rs -> {
                    streams.computeIfAbsent(rs.getString(1), s -> new ArrayList<>())
                            .add(new Object[] {rs.getLong(2), rs.getBytes(3)});
                });
        int delivered = 0,
                events = 0,
                gaps = 0,
                tasks = 0,
                completions = 0,
                notOnce = 0,
                doubleHeld = 0,
                twoAgents = 0,
                redelivered = 0,
                expiries = 0;
        var problems = new ArrayList<String>();
        for (var stream : streams.entrySet()) {
            Map<String, String> openLease = new HashMap<>();
            Map<String, Integer> completed = new HashMap<>();
            Map<String, Set<String>> answeredBy = new HashMap<>();
            Map<String, Set<String>> startedBy = new HashMap<>();
            Set<String> taskIds = new HashSet<>();
            boolean isDelivered = false;
            long expected = 1;
            for (Object[] row : stream.getValue()) {
                events++;
                if ((long) row[0] != expected) {
                    gaps++;
                    problems.add(stream.getKey() + ": version " + row[0] + " where " + expected + " was due");
                }
                expected = (long) row[0] + 1;
                switch (parse((byte[]) row[1])) {
                    case TaskAssigned a -> {
                        taskIds.add(a.getTaskId());
                        String held = openLease.put(a.getTaskId(), a.getLeaseId());
                        if (held != null) {
                            doubleHeld++;
                            problems.add(
                                    stream.getKey() + ": " + a.getLeaseId() + " assigned while " + held + " was open");
                        }
                    }
                    case TaskStarted s ->
                        startedBy
                                .computeIfAbsent(s.getLeaseId(), l -> new HashSet<>())
                                .add(s.getAgentId());
                    case TaskCompleted c -> {
                        answeredBy
                                .computeIfAbsent(c.getLeaseId(), l -> new HashSet<>())
                                .add(c.getAgentId());
                        completed.merge(c.getTaskId(), 1, Integer::sum);
                        openLease.remove(c.getTaskId(), c.getLeaseId());
                    }
                    case TaskFailed f -> {
                        answeredBy
                                .computeIfAbsent(f.getLeaseId(), l -> new HashSet<>())
                                .add(f.getAgentId());
                        openLease.remove(f.getTaskId(), f.getLeaseId());
                    }
                    case TaskLeaseExpired e -> {
                        expiries++;
                        openLease.remove(e.getTaskId(), e.getLeaseId());
                    }
                    case ProjectDelivered d -> isDelivered = true;
                    default -> {}
                }
            }
            for (var lease : answeredBy.entrySet()) {
                if (lease.getValue().size() > 1) {
                    twoAgents++;
                    problems.add(stream.getKey() + ": lease " + lease.getKey() + " answered by " + lease.getValue());
                }
                Set<String> started = startedBy.getOrDefault(lease.getKey(), Set.of());
                if (!lease.getValue().containsAll(started)) {
                    redelivered++;
                }
            }
            tasks += taskIds.size();
            for (String task : taskIds) {
                int n = completed.getOrDefault(task, 0);
                completions += n;
                if (n != 1 && (isDelivered || n > 1)) {
                    notOnce++;
                    problems.add(stream.getKey() + ": task " + task + " completed " + n + " times");
                }
            }
            delivered += isDelivered ? 1 : 0;
        }
        return new StreamLedger(
                streams.size(),
                delivered,
                events,
                gaps,
                tasks,
                completions,
                notOnce,
                doubleHeld,
                twoAgents,
                redelivered,
                expiries,
                List.copyOf(problems.subList(0, Math.min(20, problems.size()))));
    }

    private static Message parse(byte[] payload) {
        try {
            return EventCodec.unwrap(Envelope.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
