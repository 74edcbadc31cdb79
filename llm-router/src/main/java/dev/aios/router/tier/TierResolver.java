package dev.aios.router.tier;

import dev.aios.router.cassette.ReplayChatProvider;
import dev.aios.router.policy.Tier;
import dev.aios.router.provider.ProviderEndpoint;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@code aios.router.tiers} into {@link TierSpec}s and decides availability: anthropic and openai need a key,
 * openai-compatible needs a base URL. When recordings are replayed every tier answers from them instead, whatever is
 * configured; with no live tier and nothing to replay, no tier is available and the router says so (readiness, 503).
 */
public final class TierResolver {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int DEFAULT_CONTEXT = 128_000;

    private TierResolver() {}

    public static Map<Tier, TierSpec> resolve(RouterProperties properties, boolean replaying) {
        Map<String, RouterProperties.TierProperties> configured =
                properties.tiers() == null ? Map.of() : properties.tiers();
        for (String name : configured.keySet()) {
            Tier.parse(name); // a typo in a tier name must fail start-up, not silently drop the tier
        }
        Map<Tier, TierSpec> specs = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            specs.put(tier, spec(tier, configured.get(tier.id())));
        }
        if (replaying) {
            specs.replaceAll((tier, spec) -> replay(spec));
        }
        return specs;
    }

    private static TierSpec spec(Tier tier, RouterProperties.TierProperties p) {
        if (p == null) {
            return new TierSpec(
                    tier,
                    endpoint(tier, "none", "", "", "", DEFAULT_TIMEOUT),
                    Pricing.FREE,
                    DEFAULT_CONTEXT,
                    false,
                    "tier not configured");
        }
        String provider = text(p.provider()).toLowerCase(Locale.ROOT);
        String key = text(p.apiKey());
        String baseUrl = text(p.baseUrl());
        Duration timeout = p.timeout() == null ? DEFAULT_TIMEOUT : p.timeout();
        ProviderEndpoint endpoint = endpoint(tier, provider, text(p.model()), baseUrl, key, timeout);
        Pricing pricing = new Pricing(price(p.priceInputPerMillion()), price(p.priceOutputPerMillion()));
        int context = p.contextLimit() == null ? DEFAULT_CONTEXT : p.contextLimit();
        String why = switch (provider) {
            case "anthropic", "openai" -> key.isEmpty() ? "no API key configured" : "";
            case "openai-compatible" -> baseUrl.isEmpty() ? "no base URL configured" : "";
            default ->
                throw new IllegalArgumentException("tier " + tier.id() + ": unknown provider '" + provider
                        + "' (expected anthropic, openai or openai-compatible)");
        };
        if (why.isEmpty() && p.model() == null) {
            why = "no model configured";
        }
        return new TierSpec(tier, endpoint, pricing, context, why.isEmpty(), why.isEmpty() ? "available" : why);
    }

    private static TierSpec replay(TierSpec spec) {
        ProviderEndpoint endpoint = endpoint(
                spec.tier(),
                ReplayChatProvider.PROVIDER,
                "recorded",
                "",
                "",
                spec.endpoint().timeout());
        return new TierSpec(
                spec.tier(),
                endpoint,
                spec.pricing(),
                spec.contextLimit(),
                true,
                "replaying recordings: no provider is called");
    }

    private static ProviderEndpoint endpoint(
            Tier tier, String provider, String model, String baseUrl, String key, Duration timeout) {
        return new ProviderEndpoint(tier.id(), provider, model, URI.create(baseUrl), key, timeout);
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static BigDecimal price(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
