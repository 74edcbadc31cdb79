package dev.aios.router.chat;

import dev.aios.router.policy.RoutingDecision;
import dev.aios.router.provider.ProviderReply;

/** A completed call: the provider's reply, the decision behind it, and what it cost. */
public record RoutedAnswer(
        String callId, ProviderReply reply, RoutingDecision decision, long costMicros, long latencyMillis) {}
