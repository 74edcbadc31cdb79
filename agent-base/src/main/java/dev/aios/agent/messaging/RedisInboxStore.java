package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The agents' inbox: {@code SET NX} on {@code <prefix>inbox:<consumer>:<eventId>} with a TTL longer than any
 * redelivery window, so duplicates are recognised and the keys do not grow without bound.
 */
public final class RedisInboxStore implements InboxStore {
    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration retention;

    public RedisInboxStore(StringRedisTemplate redis, String keyPrefix, Duration retention) {
        this.redis = requireNonNull(redis, "redis");
        this.prefix = requireNonNull(keyPrefix, "key prefix");
        this.retention = requireNonNull(retention, "retention");
    }

    @Override
    public boolean firstTime(String consumer, String eventId) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(consumer, eventId), "1", retention));
    }

    @Override
    public boolean alreadyProcessed(String consumer, String eventId) {
        return Boolean.TRUE.equals(redis.hasKey(key(consumer, eventId)));
    }

    private String key(String consumer, String eventId) {
        return prefix + "inbox:" + consumer + ":" + eventId;
    }
}
