package dev.aios.agents.devops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.persona.testing.ChangesetAgentSpecification;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmClient;
import org.junit.jupiter.api.Test;

class DevopsAgentTest extends ChangesetAgentSpecification {
    @Override
    protected Role role() {
        return Role.DEVOPS;
    }

    @Override
    protected TaskKind kind() {
        return TaskKind.INFRA;
    }

    @Override
    protected TaskOutcome perform(LlmClient llm, TaskAssignment assignment) {
        return new DevopsAgent(llm).perform(assignment, (message, percent) -> {});
    }

    @Test
    void briefsTheModelWithTheVersionedRolePrompt() {
        // given
        llm.answers(Assignments.changesetJson("x.txt", "y"));

        // when
        perform(llm, Assignments.task(Role.DEVOPS, "T3", TaskKind.INFRA));

        // then
        assertThat(llm.lastRequest().messages().getFirst().content()).contains("DevOps engineer");
        assertThat(llm.lastRequest().maxOutputTokens()).isEqualTo(DevopsAgent.MAX_OUTPUT_TOKENS);
    }
}
