package dev.aios.orchestrator.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/projects}; unknown fields are refused by the JSON reader. */
@Schema(description = "A project brief and its budget; unknown fields are refused")
record SubmitProjectRequest(
        @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = MAX_NAME, description = "no control characters")
        @Nullable String name,
        @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = MAX_BRIEF,
                description = "what to build; no control characters other than tab and line breaks")
        @Nullable String brief,
        @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "1000000000000", description = "millionths of a US dollar")
        @Nullable Long budgetMicros,
        @Nullable Options options) {

    static final int MAX_NAME = 200;
    static final int MAX_BRIEF = 20_000;
    static final long MAX_BUDGET_MICROS = 1_000_000_000_000L;

    record Options(
            @Schema(minimum = "0", maximum = "100", description = "0: no limit") @Nullable Integer sprintLimit,
            @Schema(minimum = "0", maximum = "1000", description = "0: the default") @Nullable Integer sprintCapacityPoints,
            @Schema(minimum = "0", maximum = "10", description = "0: the default") @Nullable Integer maxReplans) {}

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
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest(String.join("; ", problems));
        }
    }

    private static void bounded(List<String> problems, String field, @Nullable Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            problems.add(field + " must be between 0 and " + max);
        }
    }
}
