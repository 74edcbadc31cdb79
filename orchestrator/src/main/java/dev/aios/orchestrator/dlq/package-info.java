/** {@code /api/v1/dlq}: an operator sees, peeks at and redrives the dead letters of its tenant's projects. */
@NullMarked
package dev.aios.orchestrator.dlq;

import org.jspecify.annotations.NullMarked;
