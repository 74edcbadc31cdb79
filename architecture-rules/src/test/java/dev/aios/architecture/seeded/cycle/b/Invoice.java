package dev.aios.architecture.seeded.cycle.b;

import dev.aios.architecture.seeded.cycle.a.Order;

/** Closes the cycle: depends back on {@code cycle.a}. */
public final class Invoice {
    public Order reorder() {
        return new Order(this);
    }
}
