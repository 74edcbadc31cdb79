/** The frontend persona's Spring Boot service: the shared builder agent (agent-persona) wired in the frontend role. */
@NullMarked
package dev.aios.agents.frontend;

import org.jspecify.annotations.NullMarked;
