package dev.aios.agents.frontend;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.messaging.AgentServiceSpecification;
import dev.aios.agent.task.TaskDefinition.TaskKind;

class FrontendAgentServiceIT extends AgentServiceSpecification {
    @Override
    protected Class<?> application() {
        return FrontendAgentApplication.class;
    }

    @Override
    protected Role role() {
        return Role.FRONTEND;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.CODE;
    }
}
