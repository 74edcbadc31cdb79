package dev.aios.agents.frontend;

import dev.aios.agent.BaseAgent;
import dev.aios.agent.Role;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;

class FrontendAgentContractTest extends AgentContractTest {
    @Override
    protected BaseAgent createAgent(LlmClient llm) {
        return new FrontendAgent(llm);
    }

    @Override
    protected TaskDefinition sampleTask() {
        return new TaskDefinition("T5", Role.FRONTEND, "Contract task", "Write static/index.html.", List.of("the file exists"),
                List.of(), 2, Complexity.LOW, TaskKind.CODE);
    }

    @Override
    protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
        llm.thenReply("```json\n{\"summary\": \"wrote static/index.html\", \"files\": [{\"path\": \"static/index.html\", \"content\": \"x\\n\"}]}\n```");
    }
}
