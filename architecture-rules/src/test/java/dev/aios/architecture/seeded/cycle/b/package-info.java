/** Seeded violation: the other half of the package cycle with {@code cycle.a}. */
@NullMarked
package dev.aios.architecture.seeded.cycle.b;

import org.jspecify.annotations.NullMarked;
