/**
 * Runs a project's generated tests isolated from the host (user, PID, mount and network namespaces, a read-only root,
 * an in-memory workspace copy, no capabilities, rlimits, a clean environment), or refuses to run them at all.
 */
@NullMarked
package dev.aios.agents.qa.sandbox;

import org.jspecify.annotations.NullMarked;
