package dev.aios.orchestrator.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the read endpoints return. */
final class ProjectViews {
    private ProjectViews() {}

    record Accepted(UUID id, String location, String events) {}

    record Progress(int tasksDone, int tasksTotal) {}

    record Cost(long spentMicros, long budgetMicros) {}

    record Project(
            UUID id,
            String name,
            String status,
            int currentSprint,
            Progress progress,
            Cost cost,
            String stopReason,
            Instant submittedAt,
            String tenant,
            String submittedBy,

            @Schema(description = "how many approvals wait for a person now; 0 once the project ended")
            int awaitingApprovals) {}

    record Page<T>(List<T> items, int page, int size, long total) {}

    record Task(
            String taskId,
            String role,
            String kind,
            String title,
            int points,
            List<String> dependsOn,
            String status,
            int sprint,
            int attempt,
            String agentId,
            long costMicros) {}

    record Sprint(
            int number,
            String status,
            List<String> taskIds,
            int plannedPoints,
            Boolean reviewPassed,
            int defects,
            long costMicros) {}

    record Approval(
            String item,
            String kind,
            String status,
            List<String> what,
            List<String> why,
            @Nullable String taskId,
            @Nullable Instant deadline,
            @Nullable String decidedBy,
            @Nullable String feedback) {}

    record RejectRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = 1,
                    maxLength = 4000,
                    description = "why, for the CTO or the agent; no control characters other than tab and line breaks")
            @Nullable
            String feedback) {}

    record BudgetRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minimum = "1",
                    maximum = "1000000000000",
                    description = "the new budget in millionths of a US dollar")
            Long budgetMicros) {}
}
