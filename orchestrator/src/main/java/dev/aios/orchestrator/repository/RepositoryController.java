package dev.aios.orchestrator.repository;

import dev.aios.orchestrator.api.Refusals;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Objects;
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
    @Operation(summary = "The workspace as a zipped git repository, one commit per completed task")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    ResponseEntity<byte[]> repository(Caller caller, @PathVariable UUID id) {
        String name = jdbc.query("SELECT name, tenant FROM projects WHERE project_id = ?",
                        (rs, n) -> caller.sees(rs.getString(2)) ? rs.getString(1) : null, id)
                .stream().filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no project " + id)); // another tenant's too: its existence is theirs
        byte[] zip = export.archive(ProjectDecisions.streamOf(id), name);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("project-" + id + ".zip").build().toString())
                .body(zip);
    }
}
