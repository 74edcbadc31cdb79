package dev.aios.agent.sample;

import dev.aios.agent.Role;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.AgentContractTest;
import dev.aios.agent.testkit.ScriptedLlmClient;
import dev.aios.router.client.LlmClient;
import java.util.List;
import java.util.Optional;

/** The contract kit on a planning agent: task contract plus the PlanProject → BacklogProposed contract. */
class OutlinePlannerContractTest extends AgentContractTest {
    @Override
    protected BaseAgent createAgent(LlmClient llm) {
        return new OutlinePlanner(llm);
    }

    @Override
    protected TaskDefinition sampleTask() {
        return new TaskDefinition(
                "T-review",
                Role.CTO,
                "Review the sprint",
                "judge",
                List.of(),
                List.of(),
                1,
                TaskDefinition.Complexity.LOW,
                TaskDefinition.TaskKind.DOCS);
    }

    @Override
    protected void scriptSuccessfulReplies(ScriptedLlmClient llm) {
        llm.thenReply("sprint looks fine");
    }

    @Override
    protected Optional<PlanRequest> samplePlanRequest() {
        return Optional.of(new PlanRequest("p-plan", "todo", "A todo app with an API and a web page.", 1, List.of()));
    }

    @Override
    protected void scriptSuccessfulPlan(ScriptedLlmClient llm) {
        llm.thenReply("REST API for todos\nweb page listing todos");
    }
}
