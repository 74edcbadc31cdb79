package dev.aios.agent;

import dev.aios.agent.task.PlanOutcome;
import dev.aios.agent.task.PlanRequest;

/** An agent that also answers PlanProject with a BacklogProposed (the CTO). */
public abstract class PlanningAgent extends BaseAgent {
    protected PlanningAgent(Role role) {
        super(role);
    }

    protected abstract PlanOutcome plan(PlanRequest request) throws Exception;
}
