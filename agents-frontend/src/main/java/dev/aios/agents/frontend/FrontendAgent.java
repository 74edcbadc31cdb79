package dev.aios.agents.frontend;

import dev.aios.agent.BaseAgent;
import dev.aios.agent.Role;
import dev.aios.agent.persona.ChangesetPersona;
import dev.aios.agent.persona.Prompt;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmClient;

/** The frontend persona: a task and its context in, a changeset out (prompt {@code prompts/frontend-v1.md}). */
public class FrontendAgent extends BaseAgent {
    static final int MAX_OUTPUT_TOKENS = 8000;

    private final ChangesetPersona persona;

    public FrontendAgent(LlmClient llm) {
        super(Role.FRONTEND);
        this.persona = new ChangesetPersona(
                Role.FRONTEND, llm, Prompt.load(FrontendAgent.class, "frontend", 1), MAX_OUTPUT_TOKENS);
    }

    @Override
    protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
        return persona.perform(assignment, progress);
    }
}
