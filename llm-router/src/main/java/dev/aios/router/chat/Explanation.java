package dev.aios.router.chat;

import dev.aios.router.policy.RoutingDecision;
import java.util.List;
import java.util.Map;

/** What the router would do with a call, without calling a model. */
public record Explanation(RoutingDecision decision, List<String> chain, Map<String, String> tierStatus) {}
