package dev.aios.agents.cto;

import dev.aios.agent.Role;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;
import java.util.Optional;

class CtoAgentContractTest extends AgentContractTest {
    @Override
    protected BaseAgent createAgent(LlmClient llm) {
        return new CtoAgent(llm);
    }

    @Override
    protected TaskDefinition sampleTask() {
        return new TaskDefinition(
                "T5",
                Role.CTO,
                "Contract task",
                "Write docs/architecture.md.",
                List.of("the file exists"),
                List.of(),
                2,
                Complexity.LOW,
                TaskKind.DOCS);
    }

    @Override
    protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
        llm.thenReply(
                "```json\n{\"summary\": \"wrote docs/architecture.md\", \"files\": [{\"path\": \"docs/architecture.md\", \"content\": \"x\\n\"}]}\n```");
    }

    @Override
    protected Optional<PlanRequest> samplePlanRequest() {
        return Optional.of(new PlanRequest("contract-project", "todo", "A small todo web application.", 1, List.of()));
    }

    @Override
    protected void scriptSuccessfulPlan(ScriptedLlmClient llm) {
        llm.thenReply("""
                Here is the plan.
                {"architecture": "Spring Boot backend, static frontend.",
                 "tasks": [{"id": "T1", "role": "backend", "title": "Todo API", "description": "CRUD for todos",
                            "acceptance_criteria": ["GET /todos lists todos"], "depends_on": [], "estimate": 3,
                            "complexity": "medium", "kind": "code"}]}""");
    }
}
