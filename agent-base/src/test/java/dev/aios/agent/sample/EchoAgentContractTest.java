package dev.aios.agent.sample;

import dev.aios.agent.Role;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;

/** Proves the contract kit on the smallest persona (and that the kit can fail: see BaseAgentTest). */
class EchoAgentContractTest extends AgentContractTest {
    @Override
    protected BaseAgent createAgent(LlmClient llm) {
        return new EchoAgent(Role.BACKEND, llm);
    }

    @Override
    protected TaskDefinition sampleTask() {
        return new TaskDefinition(
                "T-1",
                Role.BACKEND,
                "Describe the API",
                "Write the API notes",
                List.of("notes exist"),
                List.of(),
                1,
                TaskDefinition.Complexity.LOW,
                TaskDefinition.TaskKind.DOCS);
    }

    @Override
    protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
        llm.thenReply("# API\nGET /todos");
    }
}
