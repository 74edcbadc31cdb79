/** Seeded violation: half of a package cycle with {@code caught.b}, one side only a {@code catch}. */
@NullMarked
package dev.aios.architecture.seeded.caught.a;

import org.jspecify.annotations.NullMarked;
