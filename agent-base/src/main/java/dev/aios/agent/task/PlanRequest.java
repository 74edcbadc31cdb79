package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The CTO's command: turn a brief into architecture notes and a backlog (again, with reasons, on a re-plan). */
public record PlanRequest(
        String projectId, String projectName, String brief, int attempt, List<String> previousRejectionReasons) {
    public PlanRequest {
        requireNonNull(projectId, "project id");
        requireNonNull(projectName, "project name");
        requireNonNull(brief, "brief");
        previousRejectionReasons = List.copyOf(previousRejectionReasons);
    }
}
