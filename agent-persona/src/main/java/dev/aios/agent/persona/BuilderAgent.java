package dev.aios.agent.persona;

import dev.aios.agent.Role;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.template.BaseAgent;
import dev.aios.router.client.LlmClient;
import java.util.Set;

/**
 * The backend, frontend and devops personas: one agent that differs only by its role and its versioned prompt
 * ({@code prompts/<role>-v1.md}); a task and its context in, a changeset out. Each role still runs as its own service.
 */
public class BuilderAgent extends BaseAgent {
    static final int MAX_OUTPUT_TOKENS = 8000;
    static final Set<Role> ROLES = Set.of(Role.BACKEND, Role.FRONTEND, Role.DEVOPS);

    private final ChangesetPersona persona;

    public BuilderAgent(Role role, Prompt prompt, LlmClient llm) {
        super(role);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException(
                    "a builder agent is backend, frontend or devops, not " + role.routingKey());
        }
        this.persona = new ChangesetPersona(role, llm, prompt, MAX_OUTPUT_TOKENS);
    }

    /** The role's builder with its current prompt, {@code prompts/<role>-v1.md}. */
    public static BuilderAgent of(Role role, LlmClient llm) {
        return new BuilderAgent(role, Prompt.load(BuilderAgent.class, role.routingKey(), 1), llm);
    }

    @Override
    protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) {
        return persona.perform(assignment, progress);
    }
}
