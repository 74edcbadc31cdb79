/** The broker edge: agent events into the decision loops, the outbox out to the agents. */
@NullMarked
package dev.aios.orchestrator.messaging;

import org.jspecify.annotations.NullMarked;
