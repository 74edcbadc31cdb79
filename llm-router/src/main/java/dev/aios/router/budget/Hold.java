package dev.aios.router.budget;

/** What a ledger answers when asked to reserve a call's worst-case cost. */
public sealed interface Hold {
    /** The amount is held for the call; settle or release it exactly once. */
    record Reserved(Reservation reservation, Balance after) implements Hold {}

    /** The amount does not fit next to what is spent and held: the call must not run. */
    record OverBudget(Balance balance, long amountMicros) implements Hold {}

    /** The ledger knows no limit for the project and the call named none. */
    record NoLimit(Balance balance) implements Hold {}
}
