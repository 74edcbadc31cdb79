package dev.aios.agent.messaging.runtime;

import io.micrometer.core.instrument.MeterRegistry;

import dev.aios.agent.BaseAgent;
import dev.aios.agent.changeset.ChangesetLimits;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.heartbeat.HeartbeatStore;
import dev.aios.agent.heartbeat.InMemoryHeartbeatStore;
import dev.aios.agent.heartbeat.RedisHeartbeatStore;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.InboxStore;
import dev.aios.agent.messaging.MessagingAutoConfiguration;
import dev.aios.agent.messaging.MessagingProperties;
import dev.aios.agent.messaging.ReliableConsumers;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/** When the application defines a {@link BaseAgent}, runs it: role queue, consumer, heartbeats, the template. */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean({BaseAgent.class, BrokerTopology.class})
public class AgentAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HeartbeatStore heartbeatStore(ObjectProvider<StringRedisTemplate> redis, MessagingProperties properties) {
        StringRedisTemplate template = redis.getIfAvailable();
        return template == null ? new InMemoryHeartbeatStore() : new RedisHeartbeatStore(template, properties.redisKeyPrefix());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AgentRuntime agentRuntime(
            BaseAgent agent,
            EnvelopePublisher publisher,
            InboxStore inbox,
            HeartbeatStore heartbeats,
            MessagingProperties properties,
            Environment env,
            ObjectProvider<MeterRegistry> meters) {
        String agentId = env.getProperty(
                "aios.agent.id", agent.role().routingKey() + "-" + UUID.randomUUID().toString().substring(0, 8));
        ChangesetLimits limits = new ChangesetLimits(
                env.getProperty("aios.agent.changeset.max-file-bytes", Long.class, ChangesetLimits.defaults().maxFileBytes()),
                env.getProperty("aios.agent.changeset.max-files", Integer.class, ChangesetLimits.defaults().maxFiles()),
                env.getProperty("aios.agent.changeset.max-path-length", Integer.class, ChangesetLimits.defaults().maxPathLength()));
        return new AgentRuntime(
                agent,
                publisher,
                inbox,
                heartbeats,
                new AgentRuntime.Settings(
                        agentId, properties.confirmTimeout(), properties.heartbeatTtl(), new ChangesetValidator(limits)),
                meters.getIfAvailable() == null ? TaskOutcomeObserver.NONE : new MeteredTaskOutcomes(meters.getObject()));
    }

    @Bean
    SmartLifecycle agentConsumerLifecycle(
            AgentRuntime runtime, BrokerTopology topology, ReliableConsumers consumers, MessagingProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                runtime.start(topology, consumers, properties.prefetch(), properties.concurrency());
                running = true;
            }

            @Override
            public void stop() {
                runtime.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
