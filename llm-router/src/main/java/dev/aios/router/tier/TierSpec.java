package dev.aios.router.tier;

import static java.util.Objects.requireNonNull;

import dev.aios.router.policy.Tier;
import dev.aios.router.provider.ProviderEndpoint;

/**
 * A tier as resolved at start-up. Unavailable means no key or URL was configured: the tier is skipped in fallback
 * chains and reported by the explain endpoint.
 */
public record TierSpec(
        Tier tier, ProviderEndpoint endpoint, Pricing pricing, int contextLimit, boolean available, String why) {
    public TierSpec {
        requireNonNull(tier, "tier");
        requireNonNull(endpoint, "endpoint");
        requireNonNull(pricing, "pricing");
        requireNonNull(why, "why");
        if (contextLimit <= 0) {
            throw new IllegalArgumentException("context limit of tier " + tier.id() + " must be positive");
        }
    }
}
