/** The agent runtime's implementation details (task outcome metrics); other modules use {@code messaging.runtime}. */
@NullMarked
package dev.aios.agent.messaging.runtime.internal;

import org.jspecify.annotations.NullMarked;
