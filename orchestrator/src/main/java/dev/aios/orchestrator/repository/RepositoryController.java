package dev.aios.orchestrator.repository;

import dev.aios.orchestrator.api.ApiProblem;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/projects/{id}/repository}: the workspace as a zipped git repository. */
@RestController
class RepositoryController {
    private final RepositoryExport export;
    private final JdbcTemplate jdbc;

    RepositoryController(RepositoryExport export, JdbcTemplate jdbc) {
        this.export = export;
        this.jdbc = jdbc;
    }

    @GetMapping(path = "/api/v1/projects/{id}/repository", produces = "application/zip")
    ResponseEntity<byte[]> repository(@PathVariable UUID id) {
        String name = jdbc.query("SELECT name FROM projects WHERE project_id = ?", (rs, n) -> rs.getString(1), id)
                .stream().findFirst().orElseThrow(() -> ApiProblem.notFound("no project " + id));
        byte[] zip = export.archive(ProjectDecisions.streamOf(id), name);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("project-" + id + ".zip").build().toString())
                .body(zip);
    }
}
