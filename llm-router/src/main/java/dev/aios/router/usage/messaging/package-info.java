/** The only place the router touches protobuf: {@code LlmCallCompleted} out through agent-base's publisher. */
@NullMarked
package dev.aios.router.usage.messaging;

import org.jspecify.annotations.NullMarked;
