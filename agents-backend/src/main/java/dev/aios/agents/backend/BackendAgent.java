package dev.aios.agents.backend;

import dev.aios.agent.BaseAgent;
import dev.aios.agent.Role;
import dev.aios.agent.persona.ChangesetPersona;
import dev.aios.agent.persona.Prompt;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmClient;

/** The backend persona: a task and its context in, a changeset out (prompt {@code prompts/backend-v1.md}). */
public class BackendAgent extends BaseAgent {
    static final int MAX_OUTPUT_TOKENS = 8000;

    private final ChangesetPersona persona;

    public BackendAgent(LlmClient llm) {
        super(Role.BACKEND);
        this.persona = new ChangesetPersona(
                Role.BACKEND, llm, Prompt.load(BackendAgent.class, "backend", 1), MAX_OUTPUT_TOKENS);
    }

    @Override
    protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
        return persona.perform(assignment, progress);
    }
}
