package dev.aios.router.client;

import java.util.Optional;

/**
 * Who is calling and why; the router scores complexity from it and sums cost by it. Sent over HTTP as
 * {@code X-AIOS-*} headers (see {@link RouterHeaders}). {@code briefDigest} ({@link BriefDigest}) and
 * {@code promptVersion} name the brief and the prompt a call belongs to: recordings are keyed by them.
 * {@code budgetLimitMicros} is the project's whole budget (not what is left): the router's ledger keeps the highest
 * limit it has seen for the project and refuses a call whose worst-case cost no longer fits.
 */
public record CallMetadata(
        String projectId,
        String taskId,
        String role,
        String taskKind,
        String complexityHint,
        int estimatePoints,
        int filesInvolved,
        Optional<String> tierOverride,
        Optional<Long> budgetRemainingMicros,
        String briefDigest,
        String promptVersion,
        Optional<Long> budgetLimitMicros) {
    public CallMetadata {
        projectId = projectId == null ? "" : projectId;
        taskId = taskId == null ? "" : taskId;
        role = role == null ? "" : role;
        taskKind = taskKind == null ? "" : taskKind;
        complexityHint = complexityHint == null ? "" : complexityHint;
        tierOverride = tierOverride == null ? Optional.empty() : tierOverride;
        budgetRemainingMicros = budgetRemainingMicros == null ? Optional.empty() : budgetRemainingMicros;
        briefDigest = briefDigest == null ? "" : briefDigest;
        promptVersion = promptVersion == null ? "" : promptVersion;
        budgetLimitMicros = budgetLimitMicros == null ? Optional.empty() : budgetLimitMicros;
    }

    /** A call that names no budget limit: the router's ledger uses the limit it already holds for the project, if any. */
    public CallMetadata(
            String projectId,
            String taskId,
            String role,
            String taskKind,
            String complexityHint,
            int estimatePoints,
            int filesInvolved,
            Optional<String> tierOverride,
            Optional<Long> budgetRemainingMicros,
            String briefDigest,
            String promptVersion) {
        this(
                projectId,
                taskId,
                role,
                taskKind,
                complexityHint,
                estimatePoints,
                filesInvolved,
                tierOverride,
                budgetRemainingMicros,
                briefDigest,
                promptVersion,
                Optional.empty());
    }

    /** A call that belongs to no brief (tools, tests): recordings never answer it. */
    public CallMetadata(
            String projectId,
            String taskId,
            String role,
            String taskKind,
            String complexityHint,
            int estimatePoints,
            int filesInvolved,
            Optional<String> tierOverride,
            Optional<Long> budgetRemainingMicros) {
        this(
                projectId,
                taskId,
                role,
                taskKind,
                complexityHint,
                estimatePoints,
                filesInvolved,
                tierOverride,
                budgetRemainingMicros,
                "",
                "",
                Optional.empty());
    }

    /** The same call, carrying the project's budget limit (ignored unless positive). */
    public CallMetadata withBudgetLimit(long limitMicros) {
        return new CallMetadata(
                projectId,
                taskId,
                role,
                taskKind,
                complexityHint,
                estimatePoints,
                filesInvolved,
                tierOverride,
                budgetRemainingMicros,
                briefDigest,
                promptVersion,
                limitMicros > 0 ? Optional.of(limitMicros) : Optional.empty());
    }

    public static CallMetadata none() {
        return new CallMetadata("", "", "", "", "", 0, 0, Optional.empty(), Optional.empty());
    }
}
