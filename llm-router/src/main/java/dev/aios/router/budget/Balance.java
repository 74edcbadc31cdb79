package dev.aios.router.budget;

/** A project's ledger: its limit ({@code -1} when none is known), what settled calls cost and what running calls hold. */
public record Balance(long limitMicros, long spentMicros, long reservedMicros) {
    public static final long NO_LIMIT = -1;

    /** What a new call may still reserve; zero when the limit is spent or held. */
    public long availableMicros() {
        return limitMicros < 0 ? 0 : Math.max(0, limitMicros - spentMicros - reservedMicros);
    }
}
