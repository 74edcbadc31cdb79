package dev.aios.agents.cto;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.ChangesetAgentSpecification;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmClient;

/** The CTO's own backlog tasks (documentation) are changesets like any builder's. */
class CtoAgentTaskTest extends ChangesetAgentSpecification {
    @Override
    protected Role role() {
        return Role.CTO;
    }

    @Override
    protected String promptId() {
        return "cto-docs-v1";
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.DOCS;
    }

    @Override
    protected TaskOutcome perform(LlmClient llm, TaskAssignment assignment) {
        return new CtoAgent(llm).perform(assignment, (message, percent) -> {});
    }
}
