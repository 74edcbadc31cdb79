package dev.aios.architecture.seeded.cycle.a;

import dev.aios.architecture.seeded.cycle.b.Invoice;

/** Depends on {@code cycle.b}, which depends back on this package. */
public record Order(Invoice invoice) {}
