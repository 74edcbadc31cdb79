package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The CTO's command: turn a brief into architecture notes and a backlog (again, with reasons, on a re-plan).
 * {@code budgetMicros} is the project's budget (0: unknown), which the planning calls carry to the router.
 */
public record PlanRequest(
        String projectId,
        String projectName,
        String brief,
        int attempt,
        List<String> previousRejectionReasons,
        long budgetMicros) {
    public PlanRequest {
        requireNonNull(projectId, "project id");
        requireNonNull(projectName, "project name");
        requireNonNull(brief, "brief");
        previousRejectionReasons = List.copyOf(previousRejectionReasons);
    }

    public PlanRequest(
            String projectId, String projectName, String brief, int attempt, List<String> previousRejectionReasons) {
        this(projectId, projectName, brief, attempt, previousRejectionReasons, 0);
    }
}
