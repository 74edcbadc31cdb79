package dev.aios.orchestrator.planning;

import java.time.Duration;

/**
 * Bounds of planning; a project's options override capacity, sprint limit and re-plans. {@code riskyChanges} says which
 * changesets wait for a person in projects that ask for it (ADR 0014).
 */
public record PlannerSettings(
        int sprintCapacityPoints,
        int sprintLimit,
        int maxReplans,
        int maxTaskAttempts,
        int maxBacklogTasks,
        int maxTitleLength,
        int maxDescriptionLength,
        Duration leaseDuration,
        RiskyChanges riskyChanges) {

    public PlannerSettings {
        if (sprintCapacityPoints < 1
                || sprintLimit < 1
                || maxReplans < 0
                || maxTaskAttempts < 1
                || maxBacklogTasks < 1) {
            throw new IllegalArgumentException("planner bounds must be positive");
        }
    }

    public PlannerSettings(
            int sprintCapacityPoints,
            int sprintLimit,
            int maxReplans,
            int maxTaskAttempts,
            int maxBacklogTasks,
            int maxTitleLength,
            int maxDescriptionLength,
            Duration leaseDuration) {
        this(
                sprintCapacityPoints,
                sprintLimit,
                maxReplans,
                maxTaskAttempts,
                maxBacklogTasks,
                maxTitleLength,
                maxDescriptionLength,
                leaseDuration,
                RiskyChanges.defaults());
    }

    public static PlannerSettings defaults() {
        return new PlannerSettings(20, 10, 2, 3, 200, 200, 8000, Duration.ofMinutes(10));
    }
}
