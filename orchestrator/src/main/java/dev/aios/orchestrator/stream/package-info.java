/** Server-sent events of one project, resumable by stream version. */
@NullMarked
package dev.aios.orchestrator.stream;

import org.jspecify.annotations.NullMarked;
