/** {@code GET /api/v1/agents}: the agents whose heartbeat is fresh. */
@NullMarked
package dev.aios.orchestrator.agents;

import org.jspecify.annotations.NullMarked;
