package dev.aios.agents.qa;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.ChangesetAgentSpecification;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmClient;

/** A QA task that is not a sprint review writes tests: a changeset, like any builder's. */
class QaAgentTest extends ChangesetAgentSpecification {
    @Override
    protected Role role() {
        return Role.QA;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.TESTS;
    }

    @Override
    protected TaskOutcome perform(LlmClient llm, TaskAssignment assignment) throws Exception {
        return new QaAgent(llm).perform(assignment, (message, percent) -> {});
    }
}
