package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.TokenUsage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** Where one tier's model lives. The key never appears in {@link #toString()} so it cannot reach a log. */
public record ProviderEndpoint(
        String tier, String provider, String model, URI baseUrl, String apiKey, Duration timeout) {
    public ProviderEndpoint {
        requireNonNull(tier, "tier");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(baseUrl, "base url");
        requireNonNull(apiKey, "api key");
        requireNonNull(timeout, "timeout");
    }

    /** Appends a path to the base URL, keeping the base URL's own path (e.g. {@code /v1}). */
    URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    @Override
    public String toString() {
        return "ProviderEndpoint[tier=" + tier + ", provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey.isEmpty() ? "<none>" : "<set>") + ", timeout=" + timeout + "]";
    }

    /** A fresh (not cached, not fallback, not scripted) answer from this endpoint. */
    ProviderReply reply(String content, long inputTokens, long outputTokens) {
        return new ProviderReply(
                content, tier, provider, model, new TokenUsage(inputTokens, outputTokens), false, false, false);
    }

    /** A fresh answer that may ask for tool calls, with why the model stopped. */
    ProviderReply reply(
            String content,
            List<dev.aios.router.client.ToolCall> toolCalls,
            String finishReason,
            long inputTokens,
            long outputTokens) {
        return new ProviderReply(
                content,
                tier,
                provider,
                model,
                new TokenUsage(inputTokens, outputTokens),
                false,
                false,
                false,
                OptionalLong.empty(),
                toolCalls,
                finishReason);
    }
}
