package dev.aios.router.client;

/** HTTP header names that carry {@link CallMetadata} to the router and the decision back. */
public final class RouterHeaders {
    public static final String PROJECT_ID = "X-AIOS-Project-Id";
    public static final String TASK_ID = "X-AIOS-Task-Id";
    public static final String ROLE = "X-AIOS-Role";
    public static final String TASK_KIND = "X-AIOS-Task-Kind";
    public static final String COMPLEXITY_HINT = "X-AIOS-Complexity-Hint";
    public static final String ESTIMATE_POINTS = "X-AIOS-Estimate-Points";
    public static final String FILES_INVOLVED = "X-AIOS-Files-Involved";
    /** An explicit tier (local, gpt, claude); allowed and recorded. */
    public static final String TIER_OVERRIDE = "X-AIOS-Tier";
    /** What the project may still spend, in micro-dollars; the router refuses a call once it is spent. */
    public static final String BUDGET_REMAINING_MICROS = "X-AIOS-Budget-Remaining-Micros";
    /**
     * The project's whole budget in micro-dollars, as the orchestrator holds it; the router's ledger keeps the highest
     * value it has seen per project, so a raised budget reaches it with the next call.
     */
    public static final String BUDGET_LIMIT_MICROS = "X-AIOS-Budget-Micros";
    /** {@link BriefDigest} of the project's brief: recordings answer only calls of the brief they were made for. */
    public static final String BRIEF_DIGEST = "X-AIOS-Brief-Digest";
    /** The versioned prompt behind the call (e.g. {@code backend-v1}). */
    public static final String PROMPT_VERSION = "X-AIOS-Prompt-Version";

    private RouterHeaders() {}
}
