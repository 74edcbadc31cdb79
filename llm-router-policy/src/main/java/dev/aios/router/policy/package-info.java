/** Picks a model tier for an LLM call from a fitted complexity score, role floors, budget and overrides. */
@NullMarked
package dev.aios.router.policy;

import org.jspecify.annotations.NullMarked;
