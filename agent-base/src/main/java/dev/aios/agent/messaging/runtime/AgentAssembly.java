package dev.aios.agent.messaging.runtime;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.heartbeat.HeartbeatStore;
import dev.aios.agent.heartbeat.RedisHeartbeatStore;
import dev.aios.agent.heartbeat.internal.InMemoryHeartbeatStore;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.ConsumerHandle;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.InboxStore;
import dev.aios.agent.messaging.MessagingProperties;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.messaging.runtime.internal.MeteredTaskOutcomes;
import dev.aios.agent.template.BaseAgent;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The one way an agent is put on the bus, from typed settings. Each service's {@link AgentAutoConfiguration} and the
 * standalone launcher call these same methods, so the demo runs its agents exactly as the services are deployed.
 */
public final class AgentAssembly {
    private final MessagingProperties messaging;
    private final AgentProperties agent;

    public AgentAssembly(MessagingProperties messaging, AgentProperties agent) {
        this.messaging = requireNonNull(messaging, "messaging properties");
        this.agent = requireNonNull(agent, "agent properties");
    }

    public MessagingProperties messaging() {
        return messaging;
    }

    public AgentProperties agent() {
        return agent;
    }

    /** Heartbeats in Redis under the configured key prefix (where the orchestrator looks), or in memory without Redis. */
    public HeartbeatStore heartbeats(@Nullable StringRedisTemplate redis) {
        return redis == null
                ? new InMemoryHeartbeatStore()
                : new RedisHeartbeatStore(redis, messaging.redisKeyPrefix());
    }

    /** Identity and timing of one replica of {@code role}: the configured id, else the role and a random suffix. */
    public AgentRuntime.Settings settings(Role role) {
        String configured = agent.id();
        String id = configured != null
                ? configured
                : role.routingKey() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new AgentRuntime.Settings(
                id, messaging.confirmTimeout(), messaging.heartbeatTtl(), new ChangesetValidator(agent.changeset()));
    }

    /** The runtime for {@code persona}; its outcomes are counted when there is a meter registry. */
    public AgentRuntime runtime(
            BaseAgent persona,
            EnvelopePublisher publisher,
            InboxStore inbox,
            HeartbeatStore heartbeats,
            @Nullable MeterRegistry meters) {
        return new AgentRuntime(
                persona,
                publisher,
                inbox,
                heartbeats,
                settings(persona.role()),
                meters == null ? TaskOutcomeObserver.NONE : new MeteredTaskOutcomes(meters));
    }

    /** Declares the role's queue, starts the heartbeats and consumes with the configured prefetch and concurrency. */
    public ConsumerHandle start(AgentRuntime runtime, BrokerTopology topology, ReliableConsumers consumers) {
        return runtime.start(topology, consumers, messaging.prefetch(), messaging.concurrency());
    }
}
