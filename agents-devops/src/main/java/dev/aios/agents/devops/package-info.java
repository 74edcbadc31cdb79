/** The devops persona: its agent, its Spring Boot service and its versioned prompt. */
@NullMarked
package dev.aios.agents.devops;

import org.jspecify.annotations.NullMarked;
