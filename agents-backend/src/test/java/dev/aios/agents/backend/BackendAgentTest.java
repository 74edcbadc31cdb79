package dev.aios.agents.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.persona.testing.ChangesetAgentSpecification;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmClient;
import org.junit.jupiter.api.Test;

class BackendAgentTest extends ChangesetAgentSpecification {
    @Override
    protected Role role() {
        return Role.BACKEND;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.CODE;
    }

    @Override
    protected TaskOutcome perform(LlmClient llm, TaskAssignment assignment) {
        return new BackendAgent(llm).perform(assignment, (message, percent) -> {});
    }

    @Test
    void briefsTheModelWithTheVersionedRolePrompt() {
        // given
        llm.answers(Assignments.changesetJson("x.txt", "y"));

        // when
        perform(llm, Assignments.task(Role.BACKEND, "T3", TaskKind.CODE));

        // then
        assertThat(llm.lastRequest().messages().getFirst().content()).contains("backend engineer");
        assertThat(llm.lastRequest().maxOutputTokens()).isEqualTo(BackendAgent.MAX_OUTPUT_TOKENS);
    }
}
