/** Seeded module alpha's internal package. */
@NullMarked
package dev.aios.architecture.seeded.walls.alpha.internal;

import org.jspecify.annotations.NullMarked;
