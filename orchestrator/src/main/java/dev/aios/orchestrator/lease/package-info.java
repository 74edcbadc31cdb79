/** Task leases: hot state in Redis, rebuilt from the projection when Redis lost it. */
@NullMarked
package dev.aios.orchestrator.lease;

import org.jspecify.annotations.NullMarked;
