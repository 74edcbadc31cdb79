package dev.aios.orchestrator.api;

import dev.aios.orchestrator.problem.ApiProblem;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/projects}; unknown fields are refused by the JSON reader. */
record SubmitProjectRequest(
        @Nullable String name, @Nullable String brief, @Nullable Long budgetMicros, @Nullable Options options) {

    static final int MAX_NAME = 200;
    static final int MAX_BRIEF = 20_000;
    static final long MAX_BUDGET_MICROS = 1_000_000_000_000L;

    record Options(@Nullable Integer sprintLimit, @Nullable Integer sprintCapacityPoints, @Nullable Integer maxReplans) {}

    /** Checks every field and says all that is wrong at once. */
    void validate() {
        var problems = new java.util.ArrayList<String>();
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            problems.add("name must be 1-" + MAX_NAME + " characters");
        }
        if (brief == null || brief.isBlank() || brief.length() > MAX_BRIEF) {
            problems.add("brief must be 1-" + MAX_BRIEF + " characters");
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

    private static void bounded(java.util.List<String> problems, String field, @Nullable Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            problems.add(field + " must be between 0 and " + max);
        }
    }
}
