package dev.aios.agent.persona;

import dev.aios.agent.Role;
import dev.aios.agent.task.PlanRequest;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.router.client.BriefDigest;
import dev.aios.router.client.CallMetadata;
import java.util.Locale;
import java.util.Optional;

/**
 * The router metadata for a call: who asks, for which task, how hard it looks, the project's budget (which the router's
 * ledger holds each call against) and what the orchestrator had left of it when it sent the task.
 */
public final class TaskCalls {
    /** The task id the CTO's planning calls carry. */
    public static final String PLAN_TASK_ID = "plan";

    private TaskCalls() {}

    public static CallMetadata metadataFor(Role role, TaskAssignment assignment, Prompt prompt) {
        TaskDefinition task = assignment.task();
        long budget = assignment.context().remainingBudgetMicros();
        return new CallMetadata(
                        assignment.projectId(),
                        assignment.taskId(),
                        role.routingKey(),
                        task.kind().name().toLowerCase(Locale.ROOT),
                        task.complexityHint().name().toLowerCase(Locale.ROOT),
                        task.estimatePoints(),
                        assignment.context().relevantFiles().size(),
                        Optional.empty(),
                        budget > 0 ? Optional.of(budget) : Optional.empty(),
                        BriefDigest.of(assignment.context().brief()),
                        prompt.id())
                .withBudgetLimit(assignment.context().budgetMicros());
    }

    public static CallMetadata metadataFor(Role role, PlanRequest request, Prompt prompt) {
        return new CallMetadata(
                        request.projectId(),
                        PLAN_TASK_ID,
                        role.routingKey(),
                        "plan",
                        "high",
                        0,
                        0,
                        Optional.empty(),
                        Optional.empty(),
                        BriefDigest.of(request.brief()),
                        prompt.id())
                .withBudgetLimit(request.budgetMicros());
    }
}
