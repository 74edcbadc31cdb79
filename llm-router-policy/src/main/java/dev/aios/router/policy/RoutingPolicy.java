package dev.aios.router.policy;

/** Picks a tier for one LLM call without calling a model; must be fast (p99 well under a millisecond). */
public interface RoutingPolicy {
    RoutingDecision decide(RoutingRequest request);
}
