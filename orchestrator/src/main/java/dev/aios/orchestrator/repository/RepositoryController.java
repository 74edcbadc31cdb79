package dev.aios.orchestrator.repository;

import dev.aios.orchestrator.api.Refusals;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/projects/{id}/repository}: the workspace as a zipped git repository; {@code …/repository/commits}
 * and {@code …/commits/{sha}}: its history and diffs for the board.
 */
@RestController
class RepositoryController {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
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
        String name = nameOf(caller, id);
        byte[] zip = export.archive(ProjectDecisions.streamOf(id), name);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("project-" + id + ".zip")
                                .build()
                                .toString())
                .body(zip);
    }

    @GetMapping(path = "/api/v1/projects/{id}/repository/commits", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The delivered repository's commits, oldest first, each with the files it changed")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    List<RepositoryHistory.CommitSummary> commits(Caller caller, @PathVariable UUID id) {
        nameOf(caller, id);
        return export.read(ProjectDecisions.streamOf(id), RepositoryHistory::commits);
    }

    @GetMapping(path = "/api/v1/projects/{id}/repository/commits/{sha}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One commit: its message, the unified diff of each file it changed and the files of its tree")
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    RepositoryHistory.CommitDetail commit(Caller caller, @PathVariable UUID id, @PathVariable String sha) {
        nameOf(caller, id);
        if (!SHA.matcher(sha).matches()) {
            throw ApiProblem.badRequest("a commit is named by its 40 hexadecimal digits, got '" + sha + "'");
        }
        return export.read(ProjectDecisions.streamOf(id), git -> RepositoryHistory.commit(git, sha))
                .orElseThrow(() -> ApiProblem.notFound("no commit " + sha + " in project " + id));
    }

    private String nameOf(Caller caller, UUID id) {
        return jdbc
                .query(
                        "SELECT name, tenant FROM projects WHERE project_id = ?",
                        (rs, n) -> caller.sees(rs.getString(2)) ? rs.getString(1) : null,
                        id)
                .stream()
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(
                        () -> ApiProblem.notFound("no project " + id)); // another tenant's too: its existence is theirs
    }
}
