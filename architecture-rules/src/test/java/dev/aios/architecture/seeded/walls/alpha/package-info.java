/** Seeded module alpha: its API may use its own internal package. */
@NullMarked
package dev.aios.architecture.seeded.walls.alpha;

import org.jspecify.annotations.NullMarked;
