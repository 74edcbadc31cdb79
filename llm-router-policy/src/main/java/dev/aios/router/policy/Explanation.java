package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Why a request got its tier: the decision, the tier the score alone chose, the thresholds, and every signal that
 * moved the score (largest first), each with what it saw and how much it added to the logit; then the rules
 * (override, role floor, budget) that changed the scored tier.
 */
public record Explanation(
        RoutingDecision decision,
        Tier scored,
        Thresholds thresholds,
        String model,
        List<Signal> signals,
        List<String> rules) {

    public Explanation {
        requireNonNull(decision, "decision");
        requireNonNull(scored, "scored tier");
        requireNonNull(thresholds, "thresholds");
        requireNonNull(model, "model");
        signals = List.copyOf(signals);
        rules = List.copyOf(rules);
    }

    /**
     * One signal: its feature name, what it saw ("task text of 212 tokens", "design scope: 'architecture'"), the
     * feature value, its contribution to the logit, and whether its weight was {@code fitted} or a {@code prior}.
     */
    public record Signal(String name, String description, double value, double contribution, String source) {
        public Signal {
            requireNonNull(name, "name");
            requireNonNull(description, "description");
            requireNonNull(source, "source");
        }
    }
}
