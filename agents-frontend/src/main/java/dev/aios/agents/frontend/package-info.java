/** The frontend persona: its agent, its Spring Boot service and its versioned prompt. */
@NullMarked
package dev.aios.agents.frontend;

import org.jspecify.annotations.NullMarked;
