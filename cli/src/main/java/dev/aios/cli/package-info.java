/** The command-line client of a running AIOS orchestrator: {@code ./aios projects|submit|watch|stop|budget|download|dlq}. */
@NullMarked
package dev.aios.cli;

import org.jspecify.annotations.NullMarked;
