package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

/** A provider's whole answer, who served it and its token usage; flags say how it was obtained. */
public record ProviderReply(
        String content,
        String tier,
        String provider,
        String model,
        long inputTokens,
        long outputTokens,
        boolean cached,
        boolean fallback,
        boolean scripted) {
    public ProviderReply {
        requireNonNull(content, "content");
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
    }

    public ProviderReply asCached() {
        return new ProviderReply(content, tier, provider, model, inputTokens, outputTokens, true, fallback, scripted);
    }

    public ProviderReply asFallback() {
        return new ProviderReply(content, tier, provider, model, inputTokens, outputTokens, cached, true, scripted);
    }
}
