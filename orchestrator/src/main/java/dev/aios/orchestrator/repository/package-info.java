/** {@code GET /api/v1/projects/{id}/repository}: a delivered project as a git repository, one commit per task. */
@NullMarked
package dev.aios.orchestrator.repository;

import org.jspecify.annotations.NullMarked;
