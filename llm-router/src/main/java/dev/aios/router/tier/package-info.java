/** Tiers as configured: provider, model, prices, context limit, timeout, availability and fallback chains. */
@NullMarked
package dev.aios.router.tier;

import org.jspecify.annotations.NullMarked;
