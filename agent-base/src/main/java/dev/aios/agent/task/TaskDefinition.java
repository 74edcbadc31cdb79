package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;
import java.util.List;

/** One backlog item: who does it, what done means, what it waits for. */
public record TaskDefinition(
        String taskId,
        Role role,
        String title,
        String description,
        List<String> acceptanceCriteria,
        List<String> dependsOn,
        int estimatePoints,
        Complexity complexityHint,
        TaskKind kind) {
    public enum Complexity {
        UNSPECIFIED,
        LOW,
        MEDIUM,
        HIGH
    }

    public enum TaskKind {
        UNSPECIFIED,
        CODE,
        TESTS,
        INFRA,
        DOCS,
        SPRINT_REVIEW,
        DEFECT_FIX
    }

    public TaskDefinition {
        requireNonNull(taskId, "task id");
        requireNonNull(role, "role");
        requireNonNull(title, "title");
        requireNonNull(description, "description");
        acceptanceCriteria = List.copyOf(acceptanceCriteria);
        dependsOn = List.copyOf(dependsOn);
        requireNonNull(complexityHint, "complexity hint");
        requireNonNull(kind, "kind");
    }
}
