package dev.aios.orchestrator.messaging;

import dev.aios.agent.Role;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.ConsumerHandle;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.ReliableConsumers;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Declares the orchestrator's event queue (every event, {@code #}) and the role queues its commands go to
 * (through agent-base's topology, so arguments match the agents'), then starts consuming once the app is up.
 */
@Component
class MessagingConfiguration implements SmartLifecycle {
    private final BrokerTopology topology;
    private final ReliableConsumers consumers;
    private final AgentEventHandler handler;
    private final String queue;
    private final int prefetch;
    private final int concurrency;
    private volatile ConsumerHandle handle;

    MessagingConfiguration(
            BrokerTopology topology,
            ReliableConsumers consumers,
            AgentEventHandler handler,
            @Value("${aios.orchestrator.events-queue}") String queue,
            @Value("${aios.orchestrator.consumer-prefetch:100}") int prefetch,
            @Value("${aios.orchestrator.consumer-concurrency:2}") int concurrency) {
        this.topology = topology;
        this.consumers = consumers;
        this.handler = handler;
        this.queue = queue;
        this.prefetch = prefetch;
        this.concurrency = concurrency;
    }

    @Override
    public void start() {
        for (Role role : Role.values()) {
            topology.declareRoleQueue(role); // commands must route (mandatory) even before an agent has started
        }
        topology.declareEventQueue(queue, List.of("#"));
        handle = consumers.startAsync(new ConsumerSpec(queue, prefetch, concurrency), handler);
    }

    @Override
    public void stop() {
        ConsumerHandle h = handle;
        if (h != null) {
            h.close();
            handle = null;
        }
    }

    @Override
    public boolean isRunning() {
        return handle != null;
    }
}
