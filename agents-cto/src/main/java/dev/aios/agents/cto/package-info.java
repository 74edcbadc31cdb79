/** The cto persona: its agent, its Spring Boot service and its versioned prompt. */
@NullMarked
package dev.aios.agents.cto;

import org.jspecify.annotations.NullMarked;
