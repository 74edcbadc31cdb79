package dev.aios.agents.backend;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.messaging.AgentServiceSpecification;
import dev.aios.agent.task.TaskDefinition.TaskKind;

class BackendAgentServiceIT extends AgentServiceSpecification {
    @Override
    protected Class<?> application() {
        return BackendAgentApplication.class;
    }

    @Override
    protected Role role() {
        return Role.BACKEND;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.CODE;
    }
}
