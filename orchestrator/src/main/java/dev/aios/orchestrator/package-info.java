/** The orchestrator service: REST API, event store, sprint planner and dispatch. */
@NullMarked
package dev.aios.orchestrator;

import org.jspecify.annotations.NullMarked;
