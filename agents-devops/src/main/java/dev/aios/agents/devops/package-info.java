/** The devops persona's Spring Boot service: the shared builder agent (agent-persona) wired in the devops role. */
@NullMarked
package dev.aios.agents.devops;

import org.jspecify.annotations.NullMarked;
