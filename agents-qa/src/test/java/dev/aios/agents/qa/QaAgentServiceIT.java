package dev.aios.agents.qa;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.messaging.AgentServiceSpecification;
import dev.aios.agent.task.TaskDefinition.TaskKind;

class QaAgentServiceIT extends AgentServiceSpecification {
    @Override
    protected Class<?> application() {
        return QaAgentApplication.class;
    }

    @Override
    protected Role role() {
        return Role.QA;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.TESTS;
    }
}
