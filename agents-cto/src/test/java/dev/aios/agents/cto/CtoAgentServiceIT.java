package dev.aios.agents.cto;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.messaging.AgentServiceSpecification;
import dev.aios.agent.task.TaskDefinition.TaskKind;

class CtoAgentServiceIT extends AgentServiceSpecification {
    @Override
    protected Class<?> application() {
        return CtoAgentApplication.class;
    }

    @Override
    protected Role role() {
        return Role.CTO;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.DOCS;
    }
}
