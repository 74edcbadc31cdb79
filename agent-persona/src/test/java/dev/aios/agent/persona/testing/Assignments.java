package dev.aios.agent.persona.testing;

import dev.aios.agent.Role;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskContext;
import dev.aios.agent.task.TaskDefinition;
import dev.aios.agent.task.TaskDefinition.Complexity;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import java.util.List;

/** Assignments for persona tests: a small realistic task unless told otherwise. */
public final class Assignments {
    public static final String PROJECT_ID = "p-42";

    private Assignments() {}

    public static TaskAssignment task(Role role, String taskId, TaskKind kind) {
        return task(role, taskId, kind, List.of());
    }

    public static TaskAssignment task(Role role, String taskId, TaskKind kind, List<FileContent> files) {
        TaskDefinition task = new TaskDefinition(
                taskId,
                role,
                "Build the " + role.routingKey() + " part",
                "Implement it with the standard library.",
                List.of("it works", "it is tested"),
                List.of(),
                3,
                Complexity.MEDIUM,
                kind);
        TaskContext context = new TaskContext(
                "shortener",
                "A URL shortener in Python.",
                "One stdlib HTTP server.",
                List.of(),
                files,
                5_000_000,
                8_000_000);
        return new TaskAssignment(PROJECT_ID, taskId, 1, 1, task, context, "lease-" + taskId);
    }

    /** A changeset answer a builder model would give, as bare JSON. */
    public static String changesetJson(String path, String content) {
        return """
                {"summary": "wrote %s", "files": [{"path": "%s", "content": "%s"}], "deletes": []}""".formatted(path, path, content);
    }
}
