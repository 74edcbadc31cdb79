package dev.aios.orchestrator.people;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which tenant a project belongs to, from the projection. Everything of another tenant's project answers as if the
 * project did not exist (404), so that its existence is not revealed either.
 */
@Component
public class ProjectOwnership {
    private final JdbcTemplate jdbc;

    ProjectOwnership(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> tenantOf(UUID project) {
        return jdbc
                .query("SELECT tenant FROM projects WHERE project_id = ?", (rs, n) -> rs.getString(1), project)
                .stream()
                .findFirst();
    }

    /** Whether the project exists and {@code caller} may see it. */
    public boolean visibleTo(Caller caller, UUID project) {
        return tenantOf(project).filter(caller::sees).isPresent();
    }
}
