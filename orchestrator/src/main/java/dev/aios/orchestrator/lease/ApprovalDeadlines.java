package dev.aios.orchestrator.lease;

import com.google.protobuf.Message;
import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.ApprovalTimeoutAction;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.StoredEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Approval deadlines, kept like task leases (ADR 0014): a committed {@code ApprovalRequested} with a deadline joins a
 * sorted set; the sweeper turns a due entry into the project's default decision, marked timed out. The planner
 * decides it only if the item still waits and its deadline has passed, so a person's decision just before wins, and
 * ZREM makes one replica send each.
 */
@Component
public class ApprovalDeadlines implements ProjectDecisions.AfterCommit {
    private static final Logger log = LoggerFactory.getLogger(ApprovalDeadlines.class);
    static final String BY = "orchestrator";

    private final StringRedisTemplate redis;
    private final ProjectDecisions decisions;
    private final Clock clock;
    private final String deadlines;

    public ApprovalDeadlines(
            StringRedisTemplate redis,
            @Lazy ProjectDecisions decisions,
            Clock clock,
            @Value("${aios.orchestrator.redis-key-prefix}") String prefix) {
        this.redis = redis;
        this.decisions = decisions;
        this.clock = clock;
        this.deadlines = new LeaseKeys(prefix).approvalDeadlines();
    }

    @Override
    public void committed(UUID projectId, List<StoredEvent> events, List<Message> messages) {
        for (Message m : messages) {
            switch (m) {
                case ApprovalRequested r
                when r.hasDeadline() -> redis.opsForZSet().add(deadlines, entry(r), millis(r));
                case ApprovalGranted g -> forget(g.getProjectId(), g.getItemId());
                case ApprovalRejected r -> forget(r.getProjectId(), r.getItemId());
                default -> {}
            }
        }
    }

    /** The sorted set's member for a request: {@code project/item/grant|reject}, what its deadline decides. */
    static String entry(ApprovalRequested r) {
        return r.getProjectId() + "/" + r.getItemId() + "/" + action(r.getOnTimeout());
    }

    static long millis(ApprovalRequested r) {
        return r.getDeadline().getSeconds() * 1000 + r.getDeadline().getNanos() / 1_000_000;
    }

    /**
     * Puts deadlines Redis lost back (the lease rebuild calls this with what the event store says is pending). NX:
     * an entry already there keeps its score; one decided meanwhile is dropped by the planner when it comes due.
     */
    int restore(Map<String, Long> pending) {
        pending.forEach((entry, at) -> redis.opsForZSet().addIfAbsent(deadlines, entry, at));
        return pending.size();
    }

    private void forget(String project, String item) {
        redis.opsForZSet().remove(deadlines, project + "/" + item + "/grant", project + "/" + item + "/reject");
    }

    private static String action(ApprovalTimeoutAction action) {
        return action == ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_GRANT ? "grant" : "reject";
    }

    /** Decides every item whose deadline passed with its project's default action. */
    @Scheduled(fixedDelayString = "${aios.orchestrator.lease-sweep-interval:1s}")
    public void sweep() {
        Set<String> due = redis.opsForZSet().rangeByScore(deadlines, 0, clock.millis(), 0, 100);
        if (due == null) {
            return;
        }
        for (String entry : due) {
            Long removed = redis.opsForZSet().remove(deadlines, entry);
            if (removed == null || removed == 0) {
                continue;
            }
            String[] parts = entry.split("/");
            UUID project = UUID.fromString(parts[0]);
            try {
                decisions.handle(
                        project,
                        parts[2].equals("grant")
                                ? ApprovalGranted.newBuilder()
                                        .setProjectId(parts[0])
                                        .setItemId(parts[1])
                                        .setGrantedBy(BY)
                                        .setTimedOut(true)
                                        .build()
                                : ApprovalRejected.newBuilder()
                                        .setProjectId(parts[0])
                                        .setItemId(parts[1])
                                        .setRejectedBy(BY)
                                        .setFeedback("no one decided before the deadline")
                                        .setTimedOut(true)
                                        .build(),
                        null);
            } catch (RuntimeException e) {
                log.warn("approval {} could not be timed out now, retrying shortly: {}", entry, e.getMessage());
                redis.opsForZSet().add(deadlines, entry, clock.millis() + 5_000);
            }
        }
    }
}
