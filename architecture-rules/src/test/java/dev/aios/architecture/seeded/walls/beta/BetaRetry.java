package dev.aios.architecture.seeded.walls.beta;

import dev.aios.architecture.seeded.walls.alpha.internal.LedgerClosed;

/** Reaches into alpha's internal package only by catching its exception: still a violation. */
public final class BetaRetry {
    public boolean attempt(Runnable work) {
        try {
            work.run();
            return true;
        } catch (LedgerClosed e) {
            return false;
        }
    }
}
