/** The qa persona: its agent, its Spring Boot service and its versioned prompt. */
@NullMarked
package dev.aios.agents.qa;

import org.jspecify.annotations.NullMarked;
