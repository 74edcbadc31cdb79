package dev.aios.router.budget;

class InMemoryBudgetLedgerTest extends BudgetLedgerContract {
    private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger();

    @Override
    BudgetLedger ledger() {
        return ledger;
    }
}
