package dev.aios.router.chat;

import dev.aios.router.policy.RoutingDecision;
import dev.aios.router.policy.RoutingPolicy;
import dev.aios.router.policy.RoutingRequest;
import dev.aios.router.policy.Tier;
import java.util.Map;

/**
 * Always the configured tier unless the caller overrides it. Used only when no scoring policy is on the classpath,
 * and as the benchmark's baseline for decision latency.
 */
public final class FixedTierRoutingPolicy implements RoutingPolicy {
    private final Tier tier;

    public FixedTierRoutingPolicy(Tier tier) {
        this.tier = tier;
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        if (request.override().isPresent()) {
            Tier chosen = request.override().get();
            return new RoutingDecision(chosen, 0, Map.of(), "explicit tier override: " + chosen.id(), true, false);
        }
        return new RoutingDecision(
                tier, 0, Map.of(), "fixed default tier " + tier.id() + " (no scoring policy installed)", false, false);
    }
}
