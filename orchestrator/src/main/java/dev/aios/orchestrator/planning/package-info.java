/** The sprint planner: decides from a project's events alone what happens next. */
@NullMarked
package dev.aios.orchestrator.planning;

import org.jspecify.annotations.NullMarked;
