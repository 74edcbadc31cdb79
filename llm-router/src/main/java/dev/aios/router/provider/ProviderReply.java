package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * A provider's whole answer, who served it and its token usage; flags say how it was obtained. {@code scripted}: no
 * live model produced it now (a replayed recording), and {@code knownCostMicros} then carries what it cost when it was
 * recorded; otherwise the router prices the tokens at the tier's rates.
 */
public record ProviderReply(
        String content,
        String tier,
        String provider,
        String model,
        long inputTokens,
        long outputTokens,
        boolean cached,
        boolean fallback,
        boolean scripted,
        OptionalLong knownCostMicros) {
    public ProviderReply {
        requireNonNull(content, "content");
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(knownCostMicros, "known cost");
    }

    public ProviderReply(String content, String tier, String provider, String model, long inputTokens, long outputTokens,
            boolean cached, boolean fallback, boolean scripted) {
        this(content, tier, provider, model, inputTokens, outputTokens, cached, fallback, scripted, OptionalLong.empty());
    }

    public ProviderReply asCached() {
        return new ProviderReply(content, tier, provider, model, inputTokens, outputTokens, true, fallback, scripted, knownCostMicros);
    }

    public ProviderReply asFallback() {
        return new ProviderReply(content, tier, provider, model, inputTokens, outputTokens, cached, true, scripted, knownCostMicros);
    }
}
