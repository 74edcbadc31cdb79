package dev.aios.router.chat;

import dev.aios.router.policy.RoutingDecision;
import dev.aios.router.provider.FallbackChatProvider;

/** A call that passed validation, routing and the budget check, ready to go to its chain (whose first model is named). */
public record PreparedCall(
        ChatCall call, RoutingDecision decision, FallbackChatProvider chain, String firstModel, boolean scriptedOnly) {}
