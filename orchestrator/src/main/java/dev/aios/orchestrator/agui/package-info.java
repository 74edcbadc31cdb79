/**
 * The AG-UI stream (ADR 0016): a project's stored events projected, as they are read, into the events of the AG-UI
 * protocol (a run per project, steps for planning, sprints and tasks, the board as a state snapshot and JSON-Patch
 * deltas, custom events for model calls and other facts), so that any AG-UI client can render a sprint.
 */
@NullMarked
package dev.aios.orchestrator.agui;

import org.jspecify.annotations.NullMarked;
