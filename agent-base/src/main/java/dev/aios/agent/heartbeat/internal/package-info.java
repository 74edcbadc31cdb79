/** Heartbeat stores only {@code agent-base} builds (the in-memory one, when there is no Redis). */
@NullMarked
package dev.aios.agent.heartbeat.internal;

import org.jspecify.annotations.NullMarked;
