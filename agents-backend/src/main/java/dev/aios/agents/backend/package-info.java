/** The backend persona: its agent, its Spring Boot service and its versioned prompt. */
@NullMarked
package dev.aios.agents.backend;

import org.jspecify.annotations.NullMarked;
