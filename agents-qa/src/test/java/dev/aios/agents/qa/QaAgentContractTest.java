package dev.aios.agents.qa;

import dev.aios.agent.Role;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;

class QaAgentContractTest extends AgentContractTest {
    @Override
    protected BaseAgent createAgent(LlmClient llm) {
        return new QaAgent(llm);
    }

    @Override
    protected TaskDefinition sampleTask() {
        return new TaskDefinition(
                "T5",
                Role.QA,
                "Contract task",
                "Write tests/test_app.py.",
                List.of("the file exists"),
                List.of(),
                2,
                Complexity.LOW,
                TaskKind.TESTS);
    }

    @Override
    protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
        llm.thenReply(
                "```json\n{\"summary\": \"wrote tests/test_app.py\", \"files\": [{\"path\": \"tests/test_app.py\", \"content\": \"x\\n\"}]}\n```");
    }
}
