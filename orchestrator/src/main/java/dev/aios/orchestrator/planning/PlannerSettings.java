package dev.aios.orchestrator.planning;

import java.time.Duration;

/** Bounds of planning; a project's options override capacity, sprint limit and re-plans. */
public record PlannerSettings(
        int sprintCapacityPoints,
        int sprintLimit,
        int maxReplans,
        int maxTaskAttempts,
        int maxBacklogTasks,
        int maxTitleLength,
        int maxDescriptionLength,
        Duration leaseDuration) {

    public PlannerSettings {
        if (sprintCapacityPoints < 1 || sprintLimit < 1 || maxReplans < 0 || maxTaskAttempts < 1 || maxBacklogTasks < 1) {
            throw new IllegalArgumentException("planner bounds must be positive");
        }
    }

    public static PlannerSettings defaults() {
        return new PlannerSettings(20, 10, 2, 3, 200, 200, 8000, Duration.ofMinutes(10));
    }
}
