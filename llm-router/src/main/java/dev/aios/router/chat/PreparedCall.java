package dev.aios.router.chat;

import dev.aios.router.budget.BudgetGuard.Admission;
import dev.aios.router.policy.RoutingDecision;
import dev.aios.router.provider.FallbackChatProvider;

/**
 * A call that passed validation, routing and the budget check, ready to go to its chain (whose first model is named);
 * {@code admission} is what the budget ledger holds for it until {@link RouterService#execute} settles it.
 */
public record PreparedCall(
        ChatCall call,
        RoutingDecision decision,
        FallbackChatProvider chain,
        String firstModel,
        boolean scriptedOnly,
        Admission admission) {}
