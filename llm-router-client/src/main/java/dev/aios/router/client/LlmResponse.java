package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

/**
 * The answer and what it cost. {@code scripted} is true when no live model produced it (the scripted provider):
 * callers must say so wherever they show the result.
 */
public record LlmResponse(
        String content,
        String tier,
        String provider,
        String model,
        long inputTokens,
        long outputTokens,
        long costMicros,
        long latencyMillis,
        boolean cached,
        boolean fallback,
        boolean scripted) {
    public LlmResponse {
        requireNonNull(content, "content");
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
    }
}
