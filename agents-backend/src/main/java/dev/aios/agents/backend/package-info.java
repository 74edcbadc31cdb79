/** The backend persona's Spring Boot service: the shared builder agent (agent-persona) wired in the backend role. */
@NullMarked
package dev.aios.agents.backend;

import org.jspecify.annotations.NullMarked;
