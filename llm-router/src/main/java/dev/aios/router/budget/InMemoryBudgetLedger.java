package dev.aios.router.budget;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger for one router process without Redis: the same arithmetic as {@link RedisBudgetLedger}, guarded by a
 * lock instead of a script. Reservations live as long as the process.
 */
public final class InMemoryBudgetLedger implements BudgetLedger {
    private final Map<String, Account> accounts = new HashMap<>();

    private static final class Account {
        long limit = Balance.NO_LIMIT;
        long spent;
        final Map<String, Long> holds = new HashMap<>();

        long reserved() {
            return holds.values().stream().mapToLong(Long::longValue).sum();
        }

        Balance balance() {
            return new Balance(limit, spent, reserved());
        }
    }

    @Override
    public synchronized Hold reserve(
            String projectId, long amountMicros, Optional<Long> limitMicros, Optional<Long> spentAtLeastMicros) {
        Account account = accounts.computeIfAbsent(projectId, id -> new Account());
        limitMicros.filter(limit -> limit > account.limit).ifPresent(limit -> account.limit = limit);
        spentAtLeastMicros.filter(spent -> spent > account.spent).ifPresent(spent -> account.spent = spent);
        Balance before = account.balance();
        if (account.limit < 0) {
            return new Hold.NoLimit(before);
        }
        if (before.spentMicros() + before.reservedMicros() + amountMicros > account.limit) {
            return new Hold.OverBudget(before, amountMicros);
        }
        Reservation reservation = new Reservation(projectId, UUID.randomUUID().toString(), amountMicros);
        account.holds.put(reservation.id(), amountMicros);
        return new Hold.Reserved(reservation, account.balance());
    }

    @Override
    public synchronized Balance settle(Reservation reservation, long costMicros) {
        Account account = accounts.computeIfAbsent(reservation.projectId(), id -> new Account());
        account.holds.remove(reservation.id());
        account.spent += costMicros;
        return account.balance();
    }

    /** An account that holds no limit, spend or hold records nothing, as the Redis ledger writes nothing for it. */
    @Override
    public synchronized Optional<Balance> find(String projectId) {
        Account account = accounts.get(projectId);
        if (account == null || (account.limit < 0 && account.spent == 0 && account.holds.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(account.balance());
    }
}
