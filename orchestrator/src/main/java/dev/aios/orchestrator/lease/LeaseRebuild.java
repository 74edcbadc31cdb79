package dev.aios.orchestrator.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts the leases back into Redis after it lost them (FLUSHALL, a restart without persistence, a failed lease
 * write): a marker key is written only by a completed rebuild, so a missing marker means Redis may be missing
 * leases, and the outstanding ones are rebuilt from the projection, with the pending approval deadlines from the event
 * store. Idempotent, and safe with several replicas.
 */
@Component
public class LeaseRebuild {
    private static final Logger log = LoggerFactory.getLogger(LeaseRebuild.class);
    private static final int CHUNK = 500;
    private static final Duration LOCK_TTL = Duration.ofSeconds(60);

    // KEYS[1] = expiries, KEYS[i > 1] = lease keys; ARGV per lease: id, ttl ms, expiry ms. NX on both: a lease
    // the normal path wrote meanwhile keeps its own values
    private static final RedisScript<Long> RESTORE = new DefaultRedisScript<>("""
            for i = 2, #KEYS do
              local id, ttl, expires = ARGV[3 * i - 5], ARGV[3 * i - 4], ARGV[3 * i - 3]
              redis.call('SET', KEYS[i], 'held', 'PX', ttl, 'NX')
              redis.call('ZADD', KEYS[1], 'NX', expires, id)
            end
            return #KEYS - 1
            """, Long.class);
    // KEYS[1] = expiries, KEYS[i > 1] = lease keys; ARGV[i - 1] = lease id
    private static final RedisScript<Long> FORGET = new DefaultRedisScript<>("""
            for i = 2, #KEYS do
              redis.call('DEL', KEYS[i])
              redis.call('ZREM', KEYS[1], ARGV[i - 1])
            end
            return #KEYS - 1
            """, Long.class);
    // KEYS[1] = lock, KEYS[2] = marker; ARGV[1] = our token, ARGV[2] = marker value. A wipe during the rebuild
    // took the lock with it, so the marker is then not written and the next check rebuilds again
    private static final RedisScript<Long> FINISH = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[2], ARGV[2])
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """, Long.class);
    private static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

    private final StringRedisTemplate redis;
    private final ProjectedLeases projected;
    private final ProjectedApprovalDeadlines projectedDeadlines;
    private final ApprovalDeadlines deadlines;
    private final Clock clock;
    private final LeaseKeys keys;
    private final AtomicBoolean stale = new AtomicBoolean();

    LeaseRebuild(
            StringRedisTemplate redis,
            ProjectedLeases projected,
            ProjectedApprovalDeadlines projectedDeadlines,
            ApprovalDeadlines deadlines,
            Clock clock,
            @Value("${aios.orchestrator.redis-key-prefix}") String prefix) {
        this.redis = redis;
        this.projected = projected;
        this.projectedDeadlines = projectedDeadlines;
        this.deadlines = deadlines;
        this.clock = clock;
        this.keys = new LeaseKeys(prefix);
    }

    /**
     * What one rebuild did: leases written (NX, so existing ones are untouched), stale ones removed, and the pending
     * approval deadlines written back (NX too).
     */
    public record Result(int restored, int forgotten, int approvalDeadlines, Duration took) {}

    /** A lease write failed (Redis unreachable): Redis may now lack a lease even though its marker is there. */
    void leaseWriteFailed() {
        stale.set(true);
    }

    /** Rebuilds when the marker is gone or a lease write failed; one cheap EXISTS otherwise. */
    @Scheduled(fixedDelayString = "${aios.orchestrator.lease-check-interval:1s}")
    public void check() {
        try {
            if (needed()) {
                rebuildIfNeeded();
            }
        } catch (RuntimeException e) {
            log.warn("lease check failed, trying again at the next check: {}", e.getMessage());
        }
    }

    /**
     * Rebuilds now unless another replica is doing it (then empty). Two reads of the projection bracket the
     * writes: a lease released after the first read but before our write would be resurrected, and the second
     * read finds it settled and removes it. Lease ids are never reused, so removing a settled one is always right.
     */
    public Optional<Result> rebuild() {
        return rebuild(false);
    }

    /** As {@link #rebuild()}, but only if still needed once the lock is ours: a replica may have just finished. */
    Optional<Result> rebuildIfNeeded() {
        return rebuild(true);
    }

    private boolean needed() {
        return stale.get() || !Boolean.TRUE.equals(redis.hasKey(keys.marker()));
    }

    private Optional<Result> rebuild(boolean onlyIfNeeded) {
        long started = System.nanoTime();
        String token = UUID.randomUUID().toString();
        if (!Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys.rebuildLock(), token, LOCK_TTL))) {
            return Optional.empty();
        }
        try {
            if (onlyIfNeeded && !needed()) {
                redis.execute(UNLOCK, List.of(keys.rebuildLock()), token);
                return Optional.empty();
            }
            stale.set(false); // a failure from here on sets it again and is covered by the next rebuild
            Map<String, Instant> before = projected.read();
            restore(before);
            Map<String, Instant> after = projected.read();
            List<String> settled = before.keySet().stream()
                    .filter(id -> !after.containsKey(id))
                    .toList();
            forget(settled);
            int approvals = deadlines.restore(projectedDeadlines.read());
            var result =
                    new Result(before.size(), settled.size(), approvals, Duration.ofNanos(System.nanoTime() - started));
            String marker = "rebuilt at " + clock.instant() + ": " + result.restored() + " leases, " + approvals
                    + " approval deadlines";
            if (!Long.valueOf(1)
                    .equals(redis.execute(FINISH, List.of(keys.rebuildLock(), keys.marker()), token, marker))) {
                log.warn(
                        "Redis lost the lease rebuild lock while rebuilding (wiped again?); rebuilding again at the next check");
                return Optional.empty();
            }
            log.info(
                    "lease state rebuilt from the projection: {} outstanding leases restored, {} settled meanwhile,"
                            + " {} approval deadlines restored, in {} ms",
                    result.restored(),
                    result.forgotten(),
                    result.approvalDeadlines(),
                    result.took().toMillis());
            return Optional.of(result);
        } catch (RuntimeException e) {
            stale.set(true);
            try {
                redis.execute(UNLOCK, List.of(keys.rebuildLock()), token);
            } catch (RuntimeException unlock) {
                e.addSuppressed(unlock);
            }
            throw e;
        }
    }

    private void restore(Map<String, Instant> leases) {
        long now = clock.millis();
        var ids = new ArrayList<>(leases.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var scriptKeys = new ArrayList<String>();
            var args = new ArrayList<String>();
            scriptKeys.add(keys.expiries());
            for (String id : ids.subList(from, Math.min(ids.size(), from + CHUNK))) {
                long expires = leases.get(id).toEpochMilli();
                scriptKeys.add(keys.lease(id));
                args.add(id);
                args.add(Long.toString(Math.max(1, expires - now)));
                args.add(Long.toString(expires));
            }
            redis.execute(RESTORE, scriptKeys, args.toArray());
        }
    }

    private void forget(List<String> ids) {
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var scriptKeys = new ArrayList<String>();
            scriptKeys.add(keys.expiries());
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            chunk.forEach(id -> scriptKeys.add(keys.lease(id)));
            redis.execute(FORGET, scriptKeys, chunk.toArray());
        }
    }
}
