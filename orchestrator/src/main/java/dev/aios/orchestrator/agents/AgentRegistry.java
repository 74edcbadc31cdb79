package dev.aios.orchestrator.agents;

import dev.aios.events.v1.AgentHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Live agents: agent-base's heartbeat keys ({@code <prefix>aios:agents:<role>:<agentId>} = {@code inFlight=N;at=T},
 * expiring with their TTL) and heartbeat events written in the same shape.
 */
@Component
public class AgentRegistry {
    static final Duration LIVENESS = Duration.ofSeconds(30);

    private final StringRedisTemplate redis;
    private final String prefix;

    public AgentRegistry(StringRedisTemplate redis, @Value("${aios.messaging.redis-key-prefix:}") String messagingPrefix) {
        this.redis = redis;
        this.prefix = messagingPrefix + "aios:agents:";
    }

    public record LiveAgent(String agentId, String role, int inFlight, @Nullable Instant lastSeen) {}

    public void record(AgentHeartbeat h) {
        String role = h.getRole().name().replace("AGENT_ROLE_", "").toLowerCase(Locale.ROOT);
        Instant at = Instant.ofEpochSecond(h.getAt().getSeconds(), h.getAt().getNanos());
        redis.opsForValue().set(prefix + role + ":" + h.getAgentId(), "inFlight=" + h.getInFlight() + ";at=" + at, LIVENESS);
    }

    public List<LiveAgent> live() {
        var agents = new ArrayList<LiveAgent>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(500).build())) {
            keys.forEachRemaining(key -> {
                String value = redis.opsForValue().get(key);
                String[] roleAndId = key.substring(prefix.length()).split(":", 2);
                if (value != null && roleAndId.length == 2) {
                    agents.add(new LiveAgent(roleAndId[1], roleAndId[0], inFlight(value), at(value)));
                }
            });
        }
        agents.sort(Comparator.comparing(LiveAgent::role).thenComparing(LiveAgent::agentId));
        return agents;
    }

    private static int inFlight(String value) {
        for (String part : value.split(";")) {
            if (part.startsWith("inFlight=")) {
                try {
                    return Integer.parseInt(part.substring(9));
                } catch (NumberFormatException ignored) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static @Nullable Instant at(String value) {
        for (String part : value.split(";")) {
            if (part.startsWith("at=")) {
                try {
                    return Instant.parse(part.substring(3));
                } catch (RuntimeException ignored) {
                    return null;
                }
            }
        }
        return null;
    }
}
