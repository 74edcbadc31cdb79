package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every decision of the wrapped policy in {@code aios.router.decisions} by tier and rule
 * ({@code score}, {@code override}, {@code budget_downgrade}) and records the score distribution.
 */
public final class MeteredRoutingPolicy implements RoutingPolicy {

    static final String DECISIONS = "aios.router.decisions";
    static final String SCORES = "aios.router.complexity.score";

    private final RoutingPolicy delegate;
    private final MeterRegistry registry;
    private final DistributionSummary scores;

    public MeteredRoutingPolicy(RoutingPolicy delegate, MeterRegistry registry) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.registry = requireNonNull(registry, "registry");
        this.scores = DistributionSummary.builder(SCORES)
                .description("complexity score of routed requests")
                .register(registry);
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        RoutingDecision decision = delegate.decide(request);
        String rule = decision.overridden() ? "override" : decision.downgraded() ? "budget_downgrade" : "score";
        Counter.builder(DECISIONS)
                .description("routing decisions by chosen tier and deciding rule")
                .tag("tier", decision.tier().id())
                .tag("rule", rule)
                .register(registry)
                .increment();
        scores.record(decision.score());
        return decision;
    }
}
