package dev.aios.architecture.seeded.walls.alpha.persona;

import dev.aios.architecture.seeded.walls.alpha.internal.LedgerRows;

/** A nested module reaching into the internal package of the module whose root contains it: a violation. */
public final class PersonaReport {
    public int rows() {
        return LedgerRows.count();
    }
}
