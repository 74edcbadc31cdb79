package dev.aios.agent;

import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;

/**
 * The template every persona service builds on: the shared machinery (consuming the role's queue,
 * idempotency, TaskStarted, heartbeats, publishing the outcome with confirms, acking after the confirm)
 * lives here; a persona implements {@link #perform}.
 */
public abstract class BaseAgent {
    private final Role role;

    protected BaseAgent(Role role) {
        this.role = java.util.Objects.requireNonNull(role, "role");
    }

    public final Role role() {
        return role;
    }

    /**
     * Does one task. Return {@link TaskOutcome.Completed} or {@link TaskOutcome.Failed}; an exception thrown
     * here also becomes a TaskFailed (retriable when the cause is a retriable LLM error).
     */
    protected abstract TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) throws Exception;
}
