package dev.aios.agent.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.persona.testing.ChangesetAgentSpecification;
import dev.aios.agent.persona.testing.ScriptedLlm;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backend, frontend and devops personas as one specification run once per role: event in, event out with
 * scripted model answers, the agent-base contract, and the role's own versioned prompt.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("builders")
class BuilderAgentTest {
    /** A builder role, the kind of task it gets, the phrase its prompt opens with, and a file it would write. */
    record Builder(Role role, TaskKind kind, String promptSays, String sampleFile) {
        @Override
        public String toString() {
            return role.routingKey();
        }
    }

    static Stream<Builder> builders() {
        return Stream.of(
                new Builder(Role.BACKEND, TaskKind.CODE, "backend engineer", "app/server.py"),
                new Builder(Role.FRONTEND, TaskKind.CODE, "frontend engineer", "static/index.html"),
                new Builder(Role.DEVOPS, TaskKind.INFRA, "DevOps engineer", "Dockerfile"));
    }

    private final Builder builder;

    BuilderAgentTest(Builder builder) {
        this.builder = builder;
    }

    @Test
    void briefsTheModelWithTheVersionedRolePrompt() {
        // given
        ScriptedLlm llm = new ScriptedLlm().answers(Assignments.changesetJson("x.txt", "y"));

        // when
        BuilderAgent.of(builder.role(), llm)
                .perform(Assignments.task(builder.role(), "T3", builder.kind()), (message, percent) -> {});

        // then
        assertThat(llm.lastRequest().messages().getFirst().content()).contains(builder.promptSays());
        assertThat(llm.lastRequest().maxOutputTokens()).isEqualTo(BuilderAgent.MAX_OUTPUT_TOKENS);
    }

    @Nested
    class PerformingATask extends ChangesetAgentSpecification {
        @Override
        protected Role role() {
            return builder.role();
        }

        @Override
        protected TaskKind kind() {
            return builder.kind();
        }

        @Override
        protected TaskOutcome perform(LlmClient llm, TaskAssignment assignment) {
            return BuilderAgent.of(builder.role(), llm).perform(assignment, (message, percent) -> {});
        }
    }

    @Nested
    class OnTheAgentRuntime extends AgentContractTest {
        @Override
        protected BaseAgent createAgent(LlmClient llm) {
            return BuilderAgent.of(builder.role(), llm);
        }

        @Override
        protected TaskDefinition sampleTask() {
            return new TaskDefinition(
                    "T5",
                    builder.role(),
                    "Contract task",
                    "Write " + builder.sampleFile() + ".",
                    List.of("the file exists"),
                    List.of(),
                    2,
                    Complexity.LOW,
                    builder.kind());
        }

        @Override
        protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
            String file = builder.sampleFile();
            llm.thenReply("```json\n{\"summary\": \"wrote " + file + "\", \"files\": [{\"path\": \"" + file
                    + "\", \"content\": \"x\\n\"}]}\n```");
        }
    }
}
