package dev.aios.router.budget;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/** Counts what the ledger answers ({@code aios.router.budget.reservations{outcome}}) and the micro-dollars it settles. */
public final class MeteredBudgetLedger implements BudgetLedger {
    private final BudgetLedger delegate;
    private final MeterRegistry registry;

    public MeteredBudgetLedger(BudgetLedger delegate, MeterRegistry registry) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public Hold reserve(
            String projectId, long amountMicros, Optional<Long> limitMicros, Optional<Long> spentAtLeastMicros) {
        Hold hold = delegate.reserve(projectId, amountMicros, limitMicros, spentAtLeastMicros);
        String outcome = switch (hold) {
            case Hold.Reserved r -> "reserved";
            case Hold.OverBudget o -> "over_budget";
            case Hold.NoLimit n -> "no_limit";
        };
        registry.counter("aios.router.budget.reservations", "outcome", outcome).increment();
        return hold;
    }

    @Override
    public Balance settle(Reservation reservation, long costMicros) {
        Balance balance = delegate.settle(reservation, costMicros);
        registry.counter("aios.router.budget.settled.micros").increment(costMicros);
        return balance;
    }

    @Override
    public Optional<Balance> find(String projectId) {
        return delegate.find(projectId);
    }
}
