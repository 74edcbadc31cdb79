package dev.aios.standalone.platform;

import dev.aios.orchestrator.budget.Reading;
import dev.aios.orchestrator.budget.RouterLedger;
import dev.aios.router.budget.Balance;
import dev.aios.router.budget.BudgetGuard;
import java.util.UUID;

/** The demo's router has no web server: the orchestrator reads its budget ledger in this JVM instead. */
final class InProcessRouterLedger implements RouterLedger {
    private final BudgetGuard budgets;

    InProcessRouterLedger(BudgetGuard budgets) {
        this.budgets = budgets;
    }

    @Override
    public Reading read(UUID projectId) {
        try {
            return budgets.balance(projectId.toString())
                    .<Reading>map(InProcessRouterLedger::reported)
                    .orElseGet(Reading.NothingMetered::new);
        } catch (RuntimeException e) {
            return new Reading.Unavailable("the router's budget ledger cannot be read: " + e.getMessage());
        }
    }

    private static Reading reported(Balance balance) {
        return new Reading.Reported(
                balance.knownLimitMicros(), balance.spentMicros(), balance.reservedMicros(), balance.knownLeftMicros());
    }
}
