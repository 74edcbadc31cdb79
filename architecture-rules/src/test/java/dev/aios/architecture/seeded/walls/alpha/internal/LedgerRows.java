package dev.aios.architecture.seeded.walls.alpha.internal;

/** What module alpha keeps to itself. */
public final class LedgerRows {
    public static int count() {
        return 0;
    }
}
