/** The read tables, written in the append's transaction and rebuilt from the events. */
@NullMarked
package dev.aios.orchestrator.projection;

import org.jspecify.annotations.NullMarked;
