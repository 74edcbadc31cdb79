package dev.aios.router.budget;

import java.util.Optional;

/**
 * Each project's limit, spend and held reservations. {@link #reserve} is atomic across every router replica sharing the
 * ledger: the sum of what is spent and held never exceeds the limit because of a reservation.
 */
public interface BudgetLedger {
    /**
     * Holds {@code amountMicros} for one call. {@code limitMicros} raises the project's limit when higher than the one
     * held (the ledger keeps the highest limit it was told); {@code spentAtLeastMicros} raises the recorded spend when the
     * caller knows of more (e.g. after the ledger lost its state), and never lowers it.
     */
    Hold reserve(String projectId, long amountMicros, Optional<Long> limitMicros, Optional<Long> spentAtLeastMicros);

    /** Releases the hold and charges the real cost (which may differ from what was held). */
    Balance settle(Reservation reservation, long costMicros);

    /** Releases the hold and charges nothing: the call failed before a provider answered. */
    default Balance release(Reservation reservation) {
        return settle(reservation, 0);
    }

    /**
     * The project's balance as of now, holds past their deadline not counted; empty when this ledger has never recorded
     * anything for the project (no call of it was metered, or the ledger lost its state).
     */
    Optional<Balance> find(String projectId);

    /** The project's balance, or no limit and nothing spent or held when the ledger knows nothing of it. */
    default Balance balance(String projectId) {
        return find(projectId).orElseGet(() -> new Balance(Balance.NO_LIMIT, 0, 0));
    }
}
