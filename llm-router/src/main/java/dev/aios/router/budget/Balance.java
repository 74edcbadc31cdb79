package dev.aios.router.budget;

import org.jspecify.annotations.Nullable;

/** A project's ledger: its limit ({@code -1} when none is known), what settled calls cost and what running calls hold. */
public record Balance(long limitMicros, long spentMicros, long reservedMicros) {
    public static final long NO_LIMIT = -1;

    /** What a new call may still reserve; zero when the limit is spent or held. */
    public long availableMicros() {
        return limitMicros < 0 ? 0 : Math.max(0, limitMicros - spentMicros - reservedMicros);
    }

    /** The limit, or null while no call has named one (what a reader is shown, rather than {@link #NO_LIMIT}). */
    public @Nullable Long knownLimitMicros() {
        return limitMicros < 0 ? null : limitMicros;
    }

    /** What is left of a known limit, or null while no call has named one. */
    public @Nullable Long knownLeftMicros() {
        return limitMicros < 0 ? null : availableMicros();
    }
}
