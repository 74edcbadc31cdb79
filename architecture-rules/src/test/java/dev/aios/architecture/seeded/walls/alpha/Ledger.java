package dev.aios.architecture.seeded.walls.alpha;

import dev.aios.architecture.seeded.walls.alpha.internal.LedgerRows;

/** Alpha's entry point uses alpha's own internal package: allowed. */
public final class Ledger {
    public int size() {
        return LedgerRows.count();
    }
}
