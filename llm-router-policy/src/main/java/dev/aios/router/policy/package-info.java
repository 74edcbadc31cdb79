/**
 * Picks a model tier for an LLM call from a fitted complexity score over the task's signals, role floors, budget and
 * overrides, and explains every decision. What routing needs at run time and nothing else: the model resource, its
 * reader, the feature extraction and {@code ./aios route}.
 */
@NullMarked
package dev.aios.router.policy;

import org.jspecify.annotations.NullMarked;
