/** Seeded violation: half of a package cycle with {@code cycle.b}. */
@NullMarked
package dev.aios.architecture.seeded.cycle.a;

import org.jspecify.annotations.NullMarked;
