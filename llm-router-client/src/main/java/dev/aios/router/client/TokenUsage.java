package dev.aios.router.client;

/**
 * The tokens one model call consumed: what it was sent ({@code prompt_tokens} on the OpenAI wire) and what it wrote
 * ({@code completion_tokens}). Counts are taken as the provider reports them.
 */
public record TokenUsage(long inputTokens, long outputTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    /** {@code total_tokens} on the OpenAI wire. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
