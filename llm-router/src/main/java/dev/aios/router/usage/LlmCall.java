package dev.aios.router.usage;

import dev.aios.router.client.TokenUsage;

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
        TokenUsage tokens,
        long costMicros,
        long latencyMillis,
        boolean cached,
        boolean fallback,
        boolean scripted,
        boolean overridden,
        double score,
        String decisionReason) {}
