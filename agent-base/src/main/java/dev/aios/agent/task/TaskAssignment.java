package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

/** A task handed to an agent, as the agent's own code sees it (no protobuf). */
public record TaskAssignment(
        String projectId,
        String taskId,
        int sprintNumber,
        int attempt,
        TaskDefinition task,
        TaskContext context,
        String leaseId) {
    public TaskAssignment {
        requireNonNull(projectId, "project id");
        requireNonNull(taskId, "task id");
        requireNonNull(task, "task");
        requireNonNull(context, "context");
        requireNonNull(leaseId, "lease id");
    }
}
