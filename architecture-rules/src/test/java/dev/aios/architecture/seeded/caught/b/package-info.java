/** Seeded violation: half of a package cycle with {@code caught.a}, one side only a {@code catch}. */
@NullMarked
package dev.aios.architecture.seeded.caught.b;

import org.jspecify.annotations.NullMarked;
