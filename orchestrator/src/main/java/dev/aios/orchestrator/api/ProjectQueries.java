package dev.aios.orchestrator.api;

import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the projection tables for the API, each read limited to what the caller's tenant may see. */
@Component
class ProjectQueries {
    private final JdbcTemplate jdbc;

    ProjectQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ProjectViews.Project> project(Caller caller, UUID id) {
        if (caller.has(Role.ADMIN)) {
            return jdbc.query("SELECT * FROM projects WHERE project_id = ?", ProjectQueries::project, id).stream()
                    .findFirst();
        }
        return jdbc
                .query(
                        "SELECT * FROM projects WHERE project_id = ? AND tenant = ?",
                        ProjectQueries::project,
                        id,
                        caller.tenant())
                .stream()
                .findFirst();
    }

    ProjectViews.Page<ProjectViews.Project> projects(Caller caller, int page, int size) {
        if (caller.has(Role.ADMIN)) {
            Long total = jdbc.queryForObject("SELECT count(*) FROM projects", Long.class);
            var items = jdbc.query(
                    "SELECT * FROM projects ORDER BY submit_position DESC LIMIT ? OFFSET ?",
                    ProjectQueries::project,
                    size,
                    (long) page * size);
            return new ProjectViews.Page<>(items, page, size, total == null ? 0 : total);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM projects WHERE tenant = ?", Long.class, caller.tenant());
        var items = jdbc.query(
                "SELECT * FROM projects WHERE tenant = ? ORDER BY submit_position DESC LIMIT ? OFFSET ?",
                ProjectQueries::project,
                caller.tenant(),
                size,
                (long) page * size);
        return new ProjectViews.Page<>(items, page, size, total == null ? 0 : total);
    }

    List<ProjectViews.Task> tasks(UUID id) {
        return jdbc.query(
                "SELECT * FROM tasks WHERE project_id = ? ORDER BY sprint = 0, sprint, task_id",
                (rs, n) -> new ProjectViews.Task(
                        rs.getString("task_id"),
                        rs.getString("role"),
                        rs.getString("kind"),
                        rs.getString("title"),
                        rs.getInt("points"),
                        split(rs.getString("depends_on")),
                        rs.getString("status"),
                        rs.getInt("sprint"),
                        rs.getInt("attempt"),
                        rs.getString("agent_id"),
                        rs.getLong("cost_micros")),
                id);
    }

    List<ProjectViews.Sprint> sprints(UUID id) {
        return jdbc.query(
                "SELECT * FROM sprints WHERE project_id = ? ORDER BY sprint_number",
                (rs, n) -> new ProjectViews.Sprint(
                        rs.getInt("sprint_number"),
                        rs.getString("status"),
                        split(rs.getString("task_ids")),
                        rs.getInt("planned_points"),
                        (Boolean) rs.getObject("review_passed"),
                        rs.getInt("defects"),
                        rs.getLong("cost_micros")),
                id);
    }

    private static ProjectViews.Project project(ResultSet rs, int n) throws SQLException {
        return new ProjectViews.Project(
                rs.getObject("project_id", UUID.class),
                rs.getString("name"),
                rs.getString("status"),
                rs.getInt("current_sprint"),
                new ProjectViews.Progress(rs.getInt("tasks_done"), rs.getInt("tasks_total")),
                new ProjectViews.Cost(rs.getLong("spent_micros"), rs.getLong("budget_micros")),
                rs.getString("stop_reason"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("tenant"),
                rs.getString("submitted_by"),
                rs.getInt("awaiting_approvals"));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
