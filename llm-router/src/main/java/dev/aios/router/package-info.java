/** The LLM router service: OpenAI-compatible API over tiers of models, with resilience, cache and cost. */
@NullMarked
package dev.aios.router;

import org.jspecify.annotations.NullMarked;
