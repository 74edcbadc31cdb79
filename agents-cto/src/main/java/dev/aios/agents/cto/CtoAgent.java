package dev.aios.agents.cto;

import dev.aios.agent.Role;
import dev.aios.agent.persona.CallResult;
import dev.aios.agent.persona.ChangesetPersona;
import dev.aios.agent.persona.Prompt;
import dev.aios.agent.persona.StructuredCall;
import dev.aios.agent.persona.TaskCalls;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.template.PlanningAgent;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import java.util.List;

/**
 * The CTO: turns a brief into architecture notes and a schema-checked backlog, and plans again with the
 * orchestrator's rejection reasons when a backlog is refused. Its own backlog tasks (docs) are changesets.
 */
public class CtoAgent extends PlanningAgent {
    static final int MAX_PLAN_TOKENS = 6000;
    static final int MAX_TASK_TOKENS = 6000;
    private static final double TEMPERATURE = 0.3;

    private final Prompt planPrompt;
    private final StructuredCall structuredCall;
    private final ChangesetPersona docsPersona;

    public CtoAgent(LlmClient llm) {
        super(Role.CTO);
        this.planPrompt = Prompt.load(CtoAgent.class, "cto", 1);
        this.structuredCall = new StructuredCall(llm);
        this.docsPersona =
                new ChangesetPersona(Role.CTO, llm, Prompt.load(CtoAgent.class, "cto-docs", 1), MAX_TASK_TOKENS);
    }

    @Override
    protected PlanOutcome plan(PlanRequest request) {
        LlmRequest call = new LlmRequest(
                List.of(ChatMessage.system(planPrompt.text()), ChatMessage.user(PlanBriefing.render(request))),
                TEMPERATURE,
                MAX_PLAN_TOKENS,
                TaskCalls.metadataFor(Role.CTO, request, planPrompt));
        return switch (structuredCall.call(call, new BacklogReader())) {
            case CallResult.Parsed<Backlog> parsed ->
                new PlanOutcome.Proposed(
                        parsed.value().architecture().strip(),
                        parsed.value().tasks(),
                        parsed.usage(),
                        parsed.provenance());
            case CallResult.Rejected<Backlog> rejected ->
                new PlanOutcome.Failed(
                        rejected.reason(),
                        rejected.retriable(),
                        rejected.usage(),
                        rejected.fatalToProject(),
                        rejected.budgetExhausted());
        };
    }

    @Override
    protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
        return docsPersona.perform(assignment, progress);
    }
}
