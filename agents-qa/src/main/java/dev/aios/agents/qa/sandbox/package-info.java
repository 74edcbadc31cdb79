/** Runs a project's tests in a throw-away directory under time, memory, process and network limits. */
@NullMarked
package dev.aios.agents.qa.sandbox;

import org.jspecify.annotations.NullMarked;
