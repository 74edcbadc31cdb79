package dev.aios.router.usage;

/** One completed call as {@code LlmCallCompleted} reports it, in domain terms. */
public record LlmCall(
        String callId,
        String projectId,
        String taskId,
        String role,
        String tier,
        String requestedTier,
        String provider,
        String model,
        long inputTokens,
        long outputTokens,
        long costMicros,
        long latencyMillis,
        boolean cached,
        boolean fallback,
        boolean scripted,
        boolean overridden,
        double score,
        String decisionReason) {}
