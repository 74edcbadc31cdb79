package dev.aios.architecture.seeded.walls.beta;

import dev.aios.architecture.seeded.walls.alpha.internal.LedgerRows;

/** A sibling module reaching into alpha's internal package: a violation. */
public final class BetaReport {
    public int rows() {
        return LedgerRows.count();
    }
}
