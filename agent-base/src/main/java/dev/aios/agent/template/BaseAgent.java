package dev.aios.agent.template;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;
import dev.aios.agent.TransientFailureException;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.Usage;
import dev.aios.router.client.LlmCallException;
import org.jspecify.annotations.Nullable;

/**
 * The template every persona service builds on: the shared machinery (consuming the role's queue,
 * idempotency, TaskStarted, heartbeats, publishing the outcome with confirms, acking after the confirm)
 * lives in the agent runtime; a persona implements {@link #perform}, and {@link #execute} turns whatever
 * it does — an outcome, an exception, an unsafe changeset — into exactly one outcome.
 */
public abstract class BaseAgent {
    private final Role role;

    protected BaseAgent(Role role) {
        this.role = requireNonNull(role, "role");
    }

    public final Role role() {
        return role;
    }

    /**
     * Does one task. Return {@link TaskOutcome.Completed} or {@link TaskOutcome.Failed}; an exception thrown
     * here also becomes a TaskFailed (retriable when the cause is a retriable LLM error).
     */
    protected abstract TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) throws Exception;

    /**
     * Runs {@link #perform}: exceptions and changeset violations become a {@link TaskOutcome.Failed}. The one exception
     * that passes through is {@link TransientFailureException} (e.g. a progress event the broker did not confirm): the
     * delivery is then retried through the retry queues instead of being reported as a failed task.
     */
    public final TaskOutcome execute(
            TaskAssignment assignment, ProgressReporter progress, ChangesetValidator validator) {
        if (assignment.task().role() != role) {
            return new TaskOutcome.Failed(
                    "task " + assignment.taskId() + " is for "
                            + assignment.task().role() + ", not " + role,
                    false,
                    Usage.NONE);
        }
        TaskOutcome outcome;
        try {
            outcome = perform(assignment, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TaskOutcome.Failed("interrupted while working on the task", true, Usage.NONE);
        } catch (TransientFailureException e) {
            throw e;
        } catch (Exception e) {
            return failure(e);
        }
        if (outcome == null) {
            return new TaskOutcome.Failed(getClass().getSimpleName() + " returned no outcome", false, Usage.NONE);
        }
        if (outcome instanceof TaskOutcome.Completed completed) {
            var violations = validator.violations(completed.changeset());
            if (!violations.isEmpty()) {
                return new TaskOutcome.Failed(
                        "changeset rejected: " + String.join("; ", violations), false, completed.usage());
            }
        }
        return outcome;
    }

    public final TaskOutcome execute(TaskAssignment assignment, ProgressReporter progress) {
        return execute(assignment, progress, ChangesetValidator.withDefaults());
    }

    static TaskOutcome.Failed failure(Exception e) {
        LlmCallException llm = llmCause(e);
        if (llm != null) {
            return new TaskOutcome.Failed(
                    "model call failed (" + llm.kind() + "): " + llm.getMessage(),
                    llm.retriable(),
                    Usage.NONE,
                    llm.kind().fatalToProject(),
                    llm.kind() == LlmCallException.Kind.BUDGET_EXHAUSTED);
        }
        return new TaskOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false, Usage.NONE);
    }

    static @Nullable LlmCallException llmCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LlmCallException llm) {
                return llm;
            }
        }
        return null;
    }
}
