package dev.aios.agent.heartbeat;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Heartbeats as Redis keys {@code <prefix>aios:agents:<role>:<agentId>} that expire after the TTL. */
public final class RedisHeartbeatStore implements HeartbeatStore {
    private final StringRedisTemplate redis;
    private final String prefix;

    public RedisHeartbeatStore(StringRedisTemplate redis, String keyPrefix) {
        this.redis = requireNonNull(redis, "redis");
        this.prefix = requireNonNull(keyPrefix, "key prefix");
    }

    @Override
    public void beat(AgentPresence presence, Duration ttl) {
        redis.opsForValue().set(prefix + presence.key(), "inFlight=" + presence.inFlight() + ";at=" + Instant.now(), ttl);
    }

    @Override
    public void remove(AgentPresence presence) {
        redis.delete(prefix + presence.key());
    }
}
