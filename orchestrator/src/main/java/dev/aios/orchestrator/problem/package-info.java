/** The errors the HTTP API returns, all as RFC 9457 problem details. */
@NullMarked
package dev.aios.orchestrator.problem;

import org.jspecify.annotations.NullMarked;
