package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.TokenUsage;
import dev.aios.router.client.ToolCall;
import java.util.List;
import java.util.OptionalLong;

/**
 * A provider's whole answer, who served it and its token usage; flags say how it was obtained. {@code scripted}: no
 * live model produced it now (a replayed recording), and {@code knownCostMicros} then carries what it cost when it was
 * recorded; otherwise the router prices the tokens at the tier's rates. {@code toolCalls} are the tools the model asks
 * to call; {@code finishReason} is why it stopped, in OpenAI's words: {@code stop}, {@code length} or {@code tool_calls}.
 */
public record ProviderReply(
        String content,
        String tier,
        String provider,
        String model,
        TokenUsage tokens,
        boolean cached,
        boolean fallback,
        boolean scripted,
        OptionalLong knownCostMicros,
        List<ToolCall> toolCalls,
        String finishReason) {
    public ProviderReply {
        requireNonNull(content, "content");
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(tokens, "tokens");
        requireNonNull(knownCostMicros, "known cost");
        toolCalls = List.copyOf(toolCalls);
        requireNonNull(finishReason, "finish reason");
    }

    /** A text answer that ended normally ({@code stop}) and asks for no tool. */
    public ProviderReply(
            String content,
            String tier,
            String provider,
            String model,
            TokenUsage tokens,
            boolean cached,
            boolean fallback,
            boolean scripted,
            OptionalLong knownCostMicros) {
        this(content, tier, provider, model, tokens, cached, fallback, scripted, knownCostMicros, List.of(), "stop");
    }

    public ProviderReply(
            String content,
            String tier,
            String provider,
            String model,
            TokenUsage tokens,
            boolean cached,
            boolean fallback,
            boolean scripted) {
        this(content, tier, provider, model, tokens, cached, fallback, scripted, OptionalLong.empty());
    }

    /** The finish reason when the provider gave none: {@code tool_calls} if the model asked for any, else {@code stop}. */
    public static String defaultFinishReason(List<ToolCall> toolCalls) {
        return toolCalls.isEmpty() ? "stop" : "tool_calls";
    }

    public ProviderReply asCached() {
        return new ProviderReply(
                content,
                tier,
                provider,
                model,
                tokens,
                true,
                fallback,
                scripted,
                knownCostMicros,
                toolCalls,
                finishReason);
    }

    public ProviderReply asFallback() {
        return new ProviderReply(
                content,
                tier,
                provider,
                model,
                tokens,
                cached,
                true,
                scripted,
                knownCostMicros,
                toolCalls,
                finishReason);
    }
}
