package dev.aios.agent.messaging.runtime;

import dev.aios.agent.heartbeat.HeartbeatStore;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.InboxStore;
import dev.aios.agent.messaging.MessagingAutoConfiguration;
import dev.aios.agent.messaging.MessagingProperties;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.template.BaseAgent;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * When the application defines a {@link BaseAgent}, runs it: role queue, consumer, heartbeats, the template. The beans
 * are built by {@link AgentAssembly} from {@code aios.messaging.*} and {@code aios.agent.*}, as the standalone launcher
 * builds its agents.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@ConditionalOnBean({BaseAgent.class, BrokerTopology.class})
@EnableConfigurationProperties(AgentProperties.class)
public class AgentAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AgentAssembly agentAssembly(MessagingProperties messaging, AgentProperties agent) {
        return new AgentAssembly(messaging, agent);
    }

    @Bean
    @ConditionalOnMissingBean
    HeartbeatStore heartbeatStore(AgentAssembly assembly, ObjectProvider<StringRedisTemplate> redis) {
        return assembly.heartbeats(redis.getIfAvailable());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AgentRuntime agentRuntime(
            AgentAssembly assembly,
            BaseAgent agent,
            EnvelopePublisher publisher,
            InboxStore inbox,
            HeartbeatStore heartbeats,
            ObjectProvider<MeterRegistry> meters) {
        return assembly.runtime(agent, publisher, inbox, heartbeats, meters.getIfAvailable());
    }

    @Bean
    SmartLifecycle agentConsumerLifecycle(
            AgentAssembly assembly, AgentRuntime runtime, BrokerTopology topology, ReliableConsumers consumers) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                assembly.start(runtime, topology, consumers);
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
