package dev.aios.orchestrator.lease;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskLeaseExpired;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.redis.connection.RedisStringCommands;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
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

    private final StringRedisTemplate redis;
    private final ProjectDecisions decisions;
    private final Clock clock;
    private final String leaseKey;
    private final String expiries;

    public LeaseKeeper(StringRedisTemplate redis, @Lazy ProjectDecisions decisions, Clock clock,
            @Value("${aios.orchestrator.redis-key-prefix}") String prefix) {
        this.redis = redis;
        this.decisions = decisions;
        this.clock = clock;
        this.leaseKey = prefix + "lease:";
        this.expiries = prefix + "lease-expiries";
    }

    /** Every lease a decision took or released, in one pipelined round trip (a sprint start takes many). */
    @Override
    public void committed(UUID projectId, List<StoredEvent> events, List<Message> messages) {
        boolean any = messages.stream().anyMatch(m -> m instanceof TaskAssigned || m instanceof TaskCompleted
                || m instanceof TaskFailed || m instanceof TaskLeaseExpired);
        if (!any) {
            return;
        }
        Instant now = clock.instant();
        redis.executePipelined((RedisCallback<Object>) connection -> {
            var c = connection;
            for (Message m : messages) {
                switch (m) {
                    case TaskAssigned a -> take(c, a.getLeaseId(), toInstant(a.getLeaseExpiresAt()), now);
                    case TaskCompleted done -> release(c, done.getLeaseId());
                    case TaskFailed f -> release(c, f.getLeaseId());
                    case TaskLeaseExpired e -> release(c, e.getLeaseId());
                    default -> {}
                }
            }
            return null;
        });
    }

    private void take(RedisConnection c, String leaseId, Instant expiresAt, Instant now) {
        long ttl = Math.max(1, Duration.between(now, expiresAt).toMillis());
        c.stringCommands().set(bytes(leaseKey + leaseId), bytes("held"), Expiration.milliseconds(ttl),
                RedisStringCommands.SetOption.SET_IF_ABSENT);
        c.zSetCommands().zAdd(bytes(expiries), expiresAt.toEpochMilli(), bytes(leaseId));
    }

    private void release(RedisConnection c, String leaseId) {
        if (!leaseId.isEmpty()) {
            c.keyCommands().del(bytes(leaseKey + leaseId));
            c.zSetCommands().zRem(bytes(expiries), bytes(leaseId));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
                decisions.handle(UUID.fromString(parts[0]), TaskLeaseExpired.newBuilder()
                        .setProjectId(parts[0])
                        .setTaskId(parts[1])
                        .setAttempt(Integer.parseInt(parts[2]))
                        .setLeaseId(leaseId)
                        .build(), null);
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
