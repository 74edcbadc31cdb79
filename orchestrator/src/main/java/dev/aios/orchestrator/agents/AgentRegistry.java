package dev.aios.orchestrator.agents;

import dev.aios.agent.heartbeat.AgentPresence;
import dev.aios.agent.heartbeat.RedisHeartbeatStore;
import dev.aios.agent.messaging.runtime.TaskEventMapper;
import dev.aios.events.v1.AgentHeartbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Live agents: the heartbeats agents keep in Redis (agent-base's {@link RedisHeartbeatStore}, under the same
 * {@code aios.messaging.redis-key-prefix}), plus heartbeat events from the bus recorded the same way.
 */
@Component
public class AgentRegistry {
    static final Duration LIVENESS = Duration.ofSeconds(30);

    private final RedisHeartbeatStore heartbeats;

    public AgentRegistry(
            StringRedisTemplate redis, @Value("${aios.messaging.redis-key-prefix:}") String messagingPrefix) {
        this.heartbeats = new RedisHeartbeatStore(redis, messagingPrefix);
    }

    public record LiveAgent(
            String agentId,
            String role,
            int inFlight,
            @Nullable Instant lastSeen) {}

    /** A heartbeat event; one without a known role is refused (it ends in the dead-letter queue with the reason). */
    public void record(AgentHeartbeat h) {
        Instant at = Instant.ofEpochSecond(h.getAt().getSeconds(), h.getAt().getNanos());
        heartbeats.beat(
                new AgentPresence(TaskEventMapper.toRole(h.getRole()), h.getAgentId(), h.getInFlight()), LIVENESS, at);
    }

    public List<LiveAgent> live() {
        return heartbeats.live().stream()
                .map(h -> new LiveAgent(
                        h.presence().agentId(),
                        h.presence().role().routingKey(),
                        h.presence().inFlight(),
                        h.at()))
                .toList();
    }
}
