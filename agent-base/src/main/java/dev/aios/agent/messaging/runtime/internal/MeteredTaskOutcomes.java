package dev.aios.agent.messaging.runtime.internal;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;
import dev.aios.agent.messaging.runtime.TaskOutcomeObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts outcomes as {@code aios.agent.tasks{role, outcome}} (Prometheus: {@code aios_agent_tasks_total}). */
public final class MeteredTaskOutcomes implements TaskOutcomeObserver {
    private final MeterRegistry registry;

    public MeteredTaskOutcomes(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public void observed(Role role, String outcome) {
        Counter.builder("aios.agent.tasks")
                .description("task and planning outcomes published by agents")
                .tag("role", role.routingKey())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
