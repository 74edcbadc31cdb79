package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** The tier chosen, the score and features behind it, and a sentence a person can read. */
public record RoutingDecision(
        Tier tier, double score, Map<String, Double> features, String reason, boolean overridden, boolean downgraded) {
    public RoutingDecision {
        requireNonNull(tier, "tier");
        features = Map.copyOf(features);
        requireNonNull(reason, "reason");
    }
}
