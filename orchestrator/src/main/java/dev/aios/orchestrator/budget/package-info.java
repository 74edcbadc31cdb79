/**
 * What the LLM router's budget ledger holds for a project, read from the router as the orchestrator's own service
 * (ADR 0043): the part of the budget that running calls have reserved, which only the router knows. Reading it is
 * best effort: a router that is not configured or cannot be reached makes the reading say so, never a made-up amount.
 */
@NullMarked
package dev.aios.orchestrator.budget;

import org.jspecify.annotations.NullMarked;
