package dev.aios.agent.template;

import dev.aios.agent.Role;
import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.Usage;
import dev.aios.router.client.LlmCallException;

/** An agent that also answers PlanProject with a BacklogProposed (the CTO). */
public abstract class PlanningAgent extends BaseAgent {
    protected PlanningAgent(Role role) {
        super(role);
    }

    protected abstract PlanOutcome plan(PlanRequest request) throws Exception;

    /** Runs {@link #plan} and never throws: an exception becomes {@link PlanOutcome.Failed}. */
    public final PlanOutcome executePlan(PlanRequest request) {
        PlanOutcome outcome;
        try {
            outcome = plan(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlanOutcome.Failed("interrupted while planning", true, Usage.NONE);
        } catch (Exception e) {
            LlmCallException llm = llmCause(e);
            return llm != null
                    ? new PlanOutcome.Failed(
                            "model call failed (" + llm.kind() + "): " + llm.getMessage(),
                            llm.retriable(),
                            Usage.NONE,
                            llm.kind().fatalToProject(),
                            llm.kind() == LlmCallException.Kind.BUDGET_EXHAUSTED)
                    : new PlanOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false, Usage.NONE);
        }
        return outcome == null
                ? new PlanOutcome.Failed(getClass().getSimpleName() + " returned no plan", false, Usage.NONE)
                : outcome;
    }
}
