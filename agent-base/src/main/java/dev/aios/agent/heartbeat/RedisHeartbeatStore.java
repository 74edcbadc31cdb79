package dev.aios.agent.heartbeat;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Heartbeats as Redis keys {@code <prefix>aios:agents:<role>:<agentId>} = {@code inFlight=N;at=T} that expire after
 * the TTL. The one place that writes and reads that format: agents beat through it, the orchestrator lists through it.
 */
public final class RedisHeartbeatStore implements HeartbeatStore {
    private final StringRedisTemplate redis;
    private final String prefix;

    /** A live heartbeat: who, how busy, and when it was taken (null if the value carries no readable time). */
    public record Heartbeat(
            AgentPresence presence, @Nullable Instant at) {}

    public RedisHeartbeatStore(StringRedisTemplate redis, String keyPrefix) {
        this.redis = requireNonNull(redis, "redis");
        this.prefix = requireNonNull(keyPrefix, "key prefix");
    }

    @Override
    public void beat(AgentPresence presence, Duration ttl) {
        beat(presence, ttl, Instant.now());
    }

    /** A heartbeat taken at {@code at} rather than now, e.g. one that arrived as an event. */
    public void beat(AgentPresence presence, Duration ttl, Instant at) {
        redis.opsForValue().set(prefix + presence.key(), "inFlight=" + presence.inFlight() + ";at=" + at, ttl);
    }

    @Override
    public void remove(AgentPresence presence) {
        redis.delete(prefix + presence.key());
    }

    /** Every heartbeat that has not expired, by role then agent id; keys that are not heartbeats are skipped. */
    public List<Heartbeat> live() {
        String namespace = prefix + AgentPresence.NAMESPACE;
        List<Heartbeat> live = new ArrayList<>();
        try (Cursor<String> keys = redis.scan(
                ScanOptions.scanOptions().match(namespace + "*").count(500).build())) {
            keys.forEachRemaining(key -> {
                String value = redis.opsForValue().get(key);
                String[] roleAndId = key.substring(namespace.length()).split(":", 2);
                Role role = roleAndId.length == 2 ? role(roleAndId[0]) : null;
                if (value != null && role != null) {
                    live.add(new Heartbeat(new AgentPresence(role, roleAndId[1], inFlight(value)), at(value)));
                }
            });
        }
        live.sort(Comparator.comparing((Heartbeat h) -> h.presence().role().routingKey())
                .thenComparing(h -> h.presence().agentId()));
        return live;
    }

    private static @Nullable Role role(String routingKey) {
        try {
            return Role.fromRoutingKey(routingKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int inFlight(String value) {
        String field = field(value, "inFlight=");
        try {
            return field == null ? 0 : Integer.parseInt(field);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable Instant at(String value) {
        String field = field(value, "at=");
        try {
            return field == null ? null : Instant.parse(field);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String field(String value, String name) {
        for (String part : value.split(";")) {
            if (part.startsWith(name)) {
                return part.substring(name.length());
            }
        }
        return null;
    }
}
