package dev.aios.architecture.seeded.walls.alpha.internal;

/** An exception module alpha keeps to itself. */
public final class LedgerClosed extends RuntimeException {
    public LedgerClosed() {
        super("ledger closed");
    }
}
