package dev.aios.orchestrator.lease;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskLeaseExpired;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Task leases in Redis: one key per assignment ({@code SET NX PX}) plus a sorted set of expiries that the
 * sweeper turns into {@code TaskLeaseExpired}. The planner fences by lease id, so a lease that expired just as
 * its task finished changes nothing.
 */
@Component
public class LeaseKeeper implements ProjectDecisions.AfterCommit {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private static final String RELEASE = "-";
    // KEYS[1] = the expiry set, KEYS[i > 1] = one lease key each; ARGV per lease: id, ttl ms, expiry ms ("-": release)
    private static final RedisScript<Long> LEASES = new DefaultRedisScript<>("""
            for i = 2, #KEYS do
              local id, ttl, expires = ARGV[3 * i - 5], ARGV[3 * i - 4], ARGV[3 * i - 3]
              if ttl == '-' then
                redis.call('DEL', KEYS[i])
                redis.call('ZREM', KEYS[1], id)
              else
                redis.call('SET', KEYS[i], 'held', 'PX', ttl, 'NX')
                redis.call('ZADD', KEYS[1], expires, id)
              end
            end
            return #KEYS - 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ProjectDecisions decisions;
    private final Clock clock;
    private final LeaseRebuild rebuild;
    private final LeaseKeys leaseKeys;
    private final String expiries;

    public LeaseKeeper(
            StringRedisTemplate redis,
            @Lazy ProjectDecisions decisions,
            Clock clock,
            LeaseRebuild rebuild,
            @Value("${aios.orchestrator.redis-key-prefix}") String prefix) {
        this.redis = redis;
        this.decisions = decisions;
        this.clock = clock;
        this.rebuild = rebuild;
        this.leaseKeys = new LeaseKeys(prefix);
        this.expiries = leaseKeys.expiries();
    }

    @Override
    public void committed(UUID projectId, List<StoredEvent> events, List<Message> messages) {
        committedAll(List.of(new ProjectDecisions.Committed(projectId, events, messages)));
    }

    /**
     * Every lease a transaction took or released, for all its projects, in one script on the shared connection: one
     * round trip, where a pipeline would open (and handshake) a dedicated connection per call.
     */
    @Override
    public void committedAll(List<ProjectDecisions.Committed> batch) {
        Instant now = clock.instant();
        var keys = new ArrayList<String>();
        var args = new ArrayList<String>();
        keys.add(expiries);
        for (Message m : (Iterable<Message>) batch.stream().flatMap(c -> c.messages().stream())::iterator) {
            switch (m) {
                case TaskAssigned a -> {
                    Instant expiresAt = toInstant(a.getLeaseExpiresAt());
                    keys.add(leaseKeys.lease(a.getLeaseId()));
                    args.add(a.getLeaseId());
                    args.add(Long.toString(
                            Math.max(1, Duration.between(now, expiresAt).toMillis())));
                    args.add(Long.toString(expiresAt.toEpochMilli()));
                }
                case TaskCompleted done -> release(keys, args, done.getLeaseId());
                case TaskFailed f -> release(keys, args, f.getLeaseId());
                case TaskLeaseExpired e -> release(keys, args, e.getLeaseId());
                // a risky result waits for a person: its task is out of the agent's hands
                case ApprovalRequested r
                when r.hasChange() -> release(keys, args, r.getChange().getLeaseId());
                default -> {}
            }
        }
        if (keys.size() > 1) {
            try {
                redis.execute(LEASES, keys, args.toArray());
            } catch (RuntimeException e) {
                rebuild.leaseWriteFailed(); // the events are committed: the projection still knows these leases
                throw e;
            }
        }
    }

    private void release(List<String> keys, List<String> args, String leaseId) {
        if (!leaseId.isEmpty()) {
            keys.add(leaseKeys.lease(leaseId));
            args.add(leaseId);
            args.add(RELEASE);
            args.add(RELEASE);
        }
    }

    /** Turns every expired lease into a TaskLeaseExpired decision; ZREM makes one replica win each lease. */
    @Scheduled(fixedDelayString = "${aios.orchestrator.lease-sweep-interval:1s}")
    public void sweep() {
        Set<String> due = redis.opsForZSet().rangeByScore(expiries, 0, clock.millis(), 0, 100);
        if (due == null) {
            return;
        }
        for (String leaseId : due) {
            Long removed = redis.opsForZSet().remove(expiries, leaseId);
            if (removed == null || removed == 0) {
                continue;
            }
            String[] parts = leaseId.split("/");
            try {
                decisions.handle(
                        UUID.fromString(parts[0]),
                        TaskLeaseExpired.newBuilder()
                                .setProjectId(parts[0])
                                .setTaskId(parts[1])
                                .setAttempt(Integer.parseInt(parts[2]))
                                .setLeaseId(leaseId)
                                .build(),
                        null);
            } catch (RuntimeException e) {
                log.warn("lease {} could not be expired now, retrying shortly: {}", leaseId, e.getMessage());
                redis.opsForZSet().add(expiries, leaseId, clock.millis() + 5_000);
            }
        }
    }

    static Instant toInstant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
