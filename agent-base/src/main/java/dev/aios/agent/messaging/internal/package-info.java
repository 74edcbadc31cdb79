/**
 * The adapter's implementation: delivery processing, ack coalescing, passive topology checks, the wire's headers and
 * type table. Only {@code agent-base} uses it; other modules go through {@code dev.aios.agent.messaging}.
 */
@NullMarked
package dev.aios.agent.messaging.internal;

import org.jspecify.annotations.NullMarked;
