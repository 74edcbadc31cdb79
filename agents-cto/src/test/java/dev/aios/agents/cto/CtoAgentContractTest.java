package dev.aios.agents.cto;

import dev.aios.agent.BaseAgent;
import dev.aios.agent.Role;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;

class CtoAgentContractTest extends AgentContractTest {
    @Override
    protected BaseAgent createAgent(LlmClient llm) {
        return new CtoAgent(llm);
    }

    @Override
    protected TaskDefinition sampleTask() {
        return new TaskDefinition("T5", Role.CTO, "Contract task", "Write docs/architecture.md.", List.of("the file exists"),
                List.of(), 2, Complexity.LOW, TaskKind.DOCS);
    }

    @Override
    protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
        llm.thenReply("```json\n{\"summary\": \"wrote docs/architecture.md\", \"files\": [{\"path\": \"docs/architecture.md\", \"content\": \"x\\n\"}]}\n```");
    }
}
