package dev.aios.agents.devops;

import dev.aios.agent.BaseAgent;
import dev.aios.agent.Role;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;

class DevopsAgentContractTest extends AgentContractTest {
    @Override
    protected BaseAgent createAgent(LlmClient llm) {
        return new DevopsAgent(llm);
    }

    @Override
    protected TaskDefinition sampleTask() {
        return new TaskDefinition("T5", Role.DEVOPS, "Contract task", "Write Dockerfile.", List.of("the file exists"),
                List.of(), 2, Complexity.LOW, TaskKind.INFRA);
    }

    @Override
    protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
        llm.thenReply("```json\n{\"summary\": \"wrote Dockerfile\", \"files\": [{\"path\": \"Dockerfile\", \"content\": \"x\\n\"}]}\n```");
    }
}
