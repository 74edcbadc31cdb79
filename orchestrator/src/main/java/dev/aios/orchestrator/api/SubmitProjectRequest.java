package dev.aios.orchestrator.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalTimeoutAction;
import dev.aios.events.v1.ProjectOptions;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/projects}; unknown fields are refused by the JSON reader. */
@Schema(description = "A project brief and its budget; unknown fields are refused")
record SubmitProjectRequest(
        @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = MAX_NAME, description = "no control characters")
        @Nullable
        String name,

        @Schema(
                requiredMode = REQUIRED,
                minLength = 1,
                maxLength = MAX_BRIEF,
                description = "what to build; no control characters other than tab and line breaks")
        @Nullable
        String brief,

        @Schema(
                requiredMode = REQUIRED,
                minimum = "1",
                maximum = "1000000000000",
                description = "millionths of a US dollar")
        @Nullable
        Long budgetMicros,

        @Nullable Options options,

        @ArraySchema(
                schema = @Schema(allowableValues = {"backlog", "sprint", "risky-changes"}),
                arraySchema = @Schema(description = "what waits for a person before the project goes on (ADR 0014)"))
        @Nullable
        List<String> approvals,

        @Schema(
                minimum = "1",
                maximum = "43200",
                description = "minutes an item waits before approvalTimeoutAction decides it")
        @Nullable
        Integer approvalTimeoutMinutes,

        @Schema(
                allowableValues = {"grant", "reject"},
                description = "what a timeout decides; required with a timeout")
        @Nullable
        String approvalTimeoutAction) {

    static final int MAX_NAME = 200;
    static final int MAX_BRIEF = 20_000;
    static final long MAX_BUDGET_MICROS = 1_000_000_000_000L;
    static final int MAX_APPROVAL_TIMEOUT_MINUTES = 43_200;
    static final Map<String, ApprovalKind> APPROVALS = Map.of(
            "backlog", ApprovalKind.APPROVAL_KIND_BACKLOG,
            "sprint", ApprovalKind.APPROVAL_KIND_SPRINT,
            "risky-changes", ApprovalKind.APPROVAL_KIND_RISKY_CHANGE);
    static final Map<String, ApprovalTimeoutAction> TIMEOUT_ACTIONS = Map.of(
            "grant", ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_GRANT,
            "reject", ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_REJECT);

    record Options(
            @Schema(minimum = "0", maximum = "100", description = "0: no limit") @Nullable
            Integer sprintLimit,

            @Schema(minimum = "0", maximum = "1000", description = "0: the default") @Nullable
            Integer sprintCapacityPoints,

            @Schema(minimum = "0", maximum = "10", description = "0: the default") @Nullable
            Integer maxReplans) {}

    /** Checks every field and says all that is wrong at once. */
    void validate() {
        var problems = new ArrayList<String>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            problems.add("name must be 1-" + MAX_NAME + " characters");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add("name must not contain control characters");
        }
        if (brief == null || brief.isBlank() || brief.length() > MAX_BRIEF) {
            problems.add("brief must be 1-" + MAX_BRIEF + " characters");
        } else if (brief.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add("brief must not contain control characters other than tab and line breaks");
        }
        if (budgetMicros == null || budgetMicros <= 0 || budgetMicros > MAX_BUDGET_MICROS) {
            problems.add("budgetMicros must be between 1 and " + MAX_BUDGET_MICROS);
        }
        if (options != null) {
            bounded(problems, "options.sprintLimit", options.sprintLimit(), 100);
            bounded(problems, "options.sprintCapacityPoints", options.sprintCapacityPoints(), 1000);
            bounded(problems, "options.maxReplans", options.maxReplans(), 10);
        }
        approvalProblems(problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(String.join("; ", problems));
        }
    }

    private void approvalProblems(List<String> problems) {
        if (approvals != null && approvals.stream().anyMatch(a -> a == null || !APPROVALS.containsKey(a))) {
            problems.add("approvals may hold only backlog, sprint and risky-changes");
        }
        if (approvalTimeoutMinutes != null) {
            if (approvalTimeoutMinutes < 1 || approvalTimeoutMinutes > MAX_APPROVAL_TIMEOUT_MINUTES) {
                problems.add("approvalTimeoutMinutes must be between 1 and " + MAX_APPROVAL_TIMEOUT_MINUTES);
            }
            if (approvals == null || approvals.isEmpty()) {
                problems.add("approvalTimeoutMinutes needs approvals: nothing waits for a person without them");
            }
            if (approvalTimeoutAction == null) {
                problems.add("approvalTimeoutAction (grant or reject) is required with approvalTimeoutMinutes");
            }
        }
        if (approvalTimeoutAction != null) {
            if (!TIMEOUT_ACTIONS.containsKey(approvalTimeoutAction)) {
                problems.add("approvalTimeoutAction must be grant or reject");
            } else if (approvalTimeoutMinutes == null) {
                problems.add("approvalTimeoutAction needs approvalTimeoutMinutes");
            }
        }
    }

    /** The project's options as the planner reads them; call after {@link #validate()}. */
    ProjectOptions projectOptions() {
        var result = ProjectOptions.newBuilder();
        if (options != null) {
            result.setSprintLimit(orZero(options.sprintLimit()))
                    .setSprintCapacityPoints(orZero(options.sprintCapacityPoints()))
                    .setMaxReplans(orZero(options.maxReplans()));
        }
        if (approvals != null) {
            approvals.stream().distinct().map(APPROVALS::get).forEach(result::addApprovals);
        }
        if (approvalTimeoutMinutes != null && approvalTimeoutAction != null) {
            result.setApprovalTimeoutMinutes(approvalTimeoutMinutes)
                    .setApprovalTimeoutAction(TIMEOUT_ACTIONS.get(approvalTimeoutAction));
        }
        return result.build();
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }

    private static void bounded(List<String> problems, String field, @Nullable Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            problems.add(field + " must be between 0 and " + max);
        }
    }
}
