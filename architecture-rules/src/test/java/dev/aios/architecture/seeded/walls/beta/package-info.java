/** Seeded module beta, outside alpha's walls. */
@NullMarked
package dev.aios.architecture.seeded.walls.beta;

import org.jspecify.annotations.NullMarked;
