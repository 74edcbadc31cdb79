/** Seeded module nested in alpha's root (as agent-persona is in agent-base's), outside its walls. */
@NullMarked
package dev.aios.architecture.seeded.walls.alpha.persona;

import org.jspecify.annotations.NullMarked;
