/** Indexing committed work in the knowledge base, or saying plainly that none is wired. */
@NullMarked
package dev.aios.orchestrator.knowledge;

import org.jspecify.annotations.NullMarked;
