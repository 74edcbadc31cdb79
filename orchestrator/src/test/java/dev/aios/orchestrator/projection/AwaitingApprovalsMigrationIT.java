package dev.aios.orchestrator.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration that adds {@code projects.awaiting_approvals} fills it for the projects already stored as the
 * projector would: what was requested less what was decided, and nothing for a project that ended.
 */
class AwaitingApprovalsMigrationIT {
    private static final String EVENTS = "aios.events.v1.";

    @Test
    void countsTheRequestedItemsNotYetDecidedOfEveryProjectThatHasNotEnded() {
        try (var db = AiosTestInfrastructure.get().createDatabase()) {
            // given: the tables as the migration before it left them
            migrate(db, "2");
            var jdbc = new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
            UUID secondBacklogWaits =
                    project(jdbc, "AWAITING_APPROVAL", "ApprovalRequested", "ApprovalRejected", "ApprovalRequested");
            UUID twoChangesWait = project(jdbc, "RUNNING", "ApprovalRequested", "ApprovalRequested");
            UUID granted = project(jdbc, "RUNNING", "ApprovalRequested", "ApprovalGranted");
            UUID withoutApprovals = project(jdbc, "RUNNING");
            UUID stoppedWhileWaiting = project(jdbc, "STOPPED", "ApprovalRequested", "ProjectStopped");
            // when
            migrate(db, "latest");
            // then
            assertThat(awaiting(jdbc, secondBacklogWaits)).isEqualTo(1);
            assertThat(awaiting(jdbc, twoChangesWait)).isEqualTo(2);
            assertThat(awaiting(jdbc, granted)).isZero();
            assertThat(awaiting(jdbc, withoutApprovals)).isZero();
            assertThat(awaiting(jdbc, stoppedWhileWaiting)).isZero();
        }
    }

    private static void migrate(AiosTestInfrastructure.TemporaryDatabase db, String target) {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.username(), db.password())
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    /** A project row in {@code status} and its stream: ProjectSubmitted, then events of these types. */
    private static UUID project(JdbcTemplate jdbc, String status, String... types) {
        UUID id = UUID.randomUUID();
        String stream = "project-" + id;
        event(jdbc, stream, 1, "ProjectSubmitted");
        for (int i = 0; i < types.length; i++) {
            event(jdbc, stream, i + 2, types[i]);
        }
        jdbc.update("""
                INSERT INTO projects (project_id, name, status, budget_micros, submitted_at, submit_position, tenant,
                                      submitted_by)
                VALUES (?, 'p', ?, 100, ?, 1, 'acme', 'alice')
                """, id, status, Timestamp.from(Instant.EPOCH));
        return id;
    }

    private static void event(JdbcTemplate jdbc, String stream, long version, String type) {
        jdbc.update(
                "INSERT INTO events (stream_id, stream_version, event_id, type, payload) VALUES (?, ?, ?, ?, ?)",
                stream,
                version,
                UUID.randomUUID(),
                EVENTS + type,
                new byte[0]);
    }

    private static int awaiting(JdbcTemplate jdbc, UUID project) {
        Integer n = jdbc.queryForObject(
                "SELECT awaiting_approvals FROM projects WHERE project_id = ?", Integer.class, project);
        return n == null ? -1 : n;
    }
}
