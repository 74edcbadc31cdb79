package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer and what it cost. {@code scripted} is true when no live model produced it (the scripted provider):
 * callers must say so wherever they show the result. {@code toolCalls} are the tools the model asks the caller to run
 * ({@code finishReason} is then {@code tool_calls}; otherwise {@code stop} or {@code length}).
 */
public record LlmResponse(
        String content,
        String tier,
        String provider,
        String model,
        TokenUsage tokens,
        long costMicros,
        long latencyMillis,
        boolean cached,
        boolean fallback,
        boolean scripted,
        List<ToolCall> toolCalls,
        String finishReason) {
    public LlmResponse {
        requireNonNull(content, "content");
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(tokens, "tokens");
        toolCalls = List.copyOf(toolCalls);
        requireNonNull(finishReason, "finish reason");
    }

    /** A text answer that stopped normally. */
    public LlmResponse(
            String content,
            String tier,
            String provider,
            String model,
            TokenUsage tokens,
            long costMicros,
            long latencyMillis,
            boolean cached,
            boolean fallback,
            boolean scripted) {
        this(
                content,
                tier,
                provider,
                model,
                tokens,
                costMicros,
                latencyMillis,
                cached,
                fallback,
                scripted,
                List.of(),
                "stop");
    }
}
