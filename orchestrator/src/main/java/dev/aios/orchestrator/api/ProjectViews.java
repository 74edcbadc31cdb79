package dev.aios.orchestrator.api;

import dev.aios.orchestrator.budget.Reading;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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

    /**
     * A project's budget as a gauge: budget and spent as the orchestrator counts them (completed calls), and the part
     * that running calls hold at the LLM router, which only the router knows (ADR 0043).
     */
    record Budget(
            long budgetMicros,
            long spentMicros,

            @Schema(description = "what running calls hold at the router for their worst case; null when not reported")
            @Nullable
            Long reservedMicros,

            @Schema(description = "budget minus spent minus reserved (at least 0); null when reserved is not reported")
            @Nullable
            Long leftMicros,

            @Schema(
                    description = "where reserved comes from, or why it is not reported",
                    allowableValues = {"REPORTED", "NOTHING_METERED", "NOT_CONFIGURED", "UNAVAILABLE"})
            String reservedStatus,

            String reservedExplained,

            @Schema(description = "the router's own ledger of the project, when it reported one") @Nullable
            RouterBalance router) {
        static Budget of(Cost cost, Reading reading) {
            Long reserved = switch (reading) {
                case Reading.Reported reported -> reported.reservedMicros();
                case Reading.NothingMetered nothing -> 0L;
                case Reading.NotConfigured notConfigured -> null;
                case Reading.Unavailable unavailable -> null;
            };
            String status = switch (reading) {
                case Reading.Reported reported -> "REPORTED";
                case Reading.NothingMetered nothing -> "NOTHING_METERED";
                case Reading.NotConfigured notConfigured -> "NOT_CONFIGURED";
                case Reading.Unavailable unavailable -> "UNAVAILABLE";
            };
            RouterBalance router = reading instanceof Reading.Reported r
                    ? new RouterBalance(r.limitMicros(), r.spentMicros(), r.reservedMicros(), r.leftMicros())
                    : null;
            Long left = reserved == null ? null : Math.max(0, cost.budgetMicros() - cost.spentMicros() - reserved);
            return new Budget(
                    cost.budgetMicros(), cost.spentMicros(), reserved, left, status, reading.explanation(), router);
        }
    }

    /** The router's ledger: the highest limit it was told, what settled calls cost, what running calls hold. */
    record RouterBalance(
            @Nullable Long limitMicros,
            long spentMicros,
            long reservedMicros,
            @Nullable Long leftMicros) {}

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
            @Nullable String feedback,

            @Schema(description = "a sprint's plan: its tasks, in order (empty for other kinds)")
            List<String> sprintTaskIds) {}

    record RejectRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = 1,
                    maxLength = 4000,
                    description = "why, for the CTO or the agent; no control characters other than tab and line breaks")
            @Nullable
            String feedback,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description =
                                            "a sprint's plan only: task ids to leave out of it for a later sprint;"
                                                    + " the plan's tasks that depend on them are left out with them"))
            @Nullable
            List<String> deferTasks) {}

    record BudgetRequest(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minimum = "1",
                    maximum = "1000000000000",
                    description = "the new budget in millionths of a US dollar")
            Long budgetMicros) {}
}
