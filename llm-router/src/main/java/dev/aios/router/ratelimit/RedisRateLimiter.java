package dev.aios.router.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, one of requests and one of tokens per provider, refilled continuously at the per-minute
 * rate and taken from by a Lua script (both or neither, timed by the Redis server's clock, so replicas agree). A
 * caller that finds them short sleeps for the refill the script names and tries again, up to {@code maxWait}.
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final RedisScript<Long> ACQUIRE =
            RedisScript.of(new ClassPathResource("dev/aios/router/ratelimit/acquire.lua"), Long.class);
    private static final RedisScript<Long> HOLD_OFF =
            RedisScript.of(new ClassPathResource("dev/aios/router/ratelimit/hold-off.lua"), Long.class);

    private final StringRedisTemplate redis;
    private final List<String> keys;
    private final ProviderLimit limit;
    private final Duration maxWait;

    public RedisRateLimiter(
            StringRedisTemplate redis, String keyPrefix, String provider, ProviderLimit limit, Duration maxWait) {
        this.redis = requireNonNull(redis, "redis");
        this.limit = requireNonNull(limit, "limit");
        this.maxWait = requireNonNull(maxWait, "max wait");
        String base = keyPrefix + "{" + provider + "}";
        this.keys = List.of(base + ":requests", base + ":tokens", base + ":hold-off");
    }

    @Override
    public Permit acquire(long tokens) {
        long started = System.nanoTime();
        while (true) {
            Long wait = redis.execute(
                    ACQUIRE,
                    keys,
                    Long.toString(limit.requestsPerMinute()),
                    Long.toString(limit.tokensPerMinute()),
                    Long.toString(Math.max(0, tokens)));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (wait == null || wait <= 0) {
                return new Permit.Granted(waited);
            }
            Duration next = Duration.ofMillis(wait);
            if (waited.plus(next).compareTo(maxWait) > 0) {
                return new Permit.Denied(next);
            }
            try {
                Thread.sleep(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Permit.Denied(next);
            }
        }
    }

    @Override
    public void holdOff(Duration wait) {
        if (wait.isPositive()) {
            redis.execute(HOLD_OFF, List.of(keys.get(2)), Long.toString(wait.toMillis()));
        }
    }
}
