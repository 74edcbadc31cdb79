package dev.aios.agents.devops;

import dev.aios.agent.BaseAgent;
import dev.aios.agent.Role;
import dev.aios.agent.persona.ChangesetPersona;
import dev.aios.agent.persona.Prompt;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.router.client.LlmClient;

/** The devops persona: a task and its context in, a changeset out (prompt {@code prompts/devops-v1.md}). */
public class DevopsAgent extends BaseAgent {
    static final int MAX_OUTPUT_TOKENS = 8000;

    private final ChangesetPersona persona;

    public DevopsAgent(LlmClient llm) {
        super(Role.DEVOPS);
        this.persona = new ChangesetPersona(
                Role.DEVOPS, llm, Prompt.load(DevopsAgent.class, "devops", 1), MAX_OUTPUT_TOKENS);
    }

    @Override
    protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
        return persona.perform(assignment, progress);
    }
}
