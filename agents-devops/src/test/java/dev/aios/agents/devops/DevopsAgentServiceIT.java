package dev.aios.agents.devops;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.messaging.AgentServiceSpecification;
import dev.aios.agent.task.TaskDefinition.TaskKind;

class DevopsAgentServiceIT extends AgentServiceSpecification {
    @Override
    protected Class<?> application() {
        return DevopsAgentApplication.class;
    }

    @Override
    protected Role role() {
        return Role.DEVOPS;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.INFRA;
    }
}
