package dev.aios.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.events.v1.ProjectSubmitted;
import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Decisions that wait together are decided together: one transaction for many projects, one bad message alone. */
class ProjectDecisionsIT extends OrchestratorIntegrationTest {
    @Autowired
    ProjectDecisions decisions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void decisionsForManyProjectsThatWaitTogetherCommitInAFewTransactions() throws Exception {
        // given the decision loops held up by a lock on the event table, while 20 projects are submitted
        double transactionsBefore = transactions();
        var results = new ArrayList<CompletableFuture<ProjectDecisions.Outcome>>();
        List<UUID> ids = new ArrayList<>();
        try (Connection blocker = lockEvents()) {
            for (int i = 0; i < 20; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                results.add(decisions.submit(id, submitted(id, "batched-" + i), null));
            }
            // every submission is queued (submit queues at once) and the loop's first batch is blocked behind the lock
            await().atMost(Duration.ofSeconds(10)).until(this::aDecisionWaitsForTheEventTable);

            // when the lock goes
            blocker.rollback();
        }

        // then all 20 commit, in at most two transactions per decision loop (the blocked one and the rest)
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get();
        assertThat(results).allSatisfy(r -> assertThat(r.join().appended()).isNotEmpty());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM projects WHERE project_id = ANY(?)", Integer.class, (Object)
                                ids.toArray(UUID[]::new)))
                .isEqualTo(20);
        assertThat(transactions() - transactionsBefore).isLessThanOrEqualTo(4);
    }

    @Test
    void aMessageTheDatabaseRefusesFailsAloneWhileTheOthersInItsBatchCommit() throws Exception {
        // given five good submissions and one whose name PostgreSQL cannot store (a NUL character), queued together
        var good = new ArrayList<CompletableFuture<ProjectDecisions.Outcome>>();
        UUID poisonId = UUID.randomUUID();
        CompletableFuture<ProjectDecisions.Outcome> poison;
        List<UUID> ids = new ArrayList<>();
        try (Connection blocker = lockEvents()) {
            for (int i = 0; i < 3; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                good.add(decisions.submit(id, submitted(id, "good-" + i), null));
            }
            poison = decisions.submit(poisonId, submitted(poisonId, "bad\u0000name"), null);
            for (int i = 3; i < 5; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                good.add(decisions.submit(id, submitted(id, "good-" + i), null));
            }
            await().atMost(Duration.ofSeconds(10)).until(this::aDecisionWaitsForTheEventTable);

            // when
            blocker.rollback();
        }

        // then
        assertThat(poison)
                .failsWithin(Duration.ofSeconds(20))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("0x00");
        CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).get();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM projects WHERE project_id = ANY(?)", Integer.class, (Object)
                                ids.toArray(UUID[]::new)))
                .isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM events WHERE stream_id = ?",
                        Integer.class,
                        ProjectDecisions.streamOf(poisonId)))
                .as("nothing of the refused message is kept")
                .isZero();
    }

    private double transactions() {
        return meters.counter("aios.orchestrator.decision.transactions").count();
    }

    /** Whether a session of this test's database waits for a lock on the event table: a decision loop, blocked. */
    private boolean aDecisionWaitsForTheEventTable() {
        Integer waiting = jdbc.queryForObject("""
                SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND c.relname = 'events' AND NOT l.granted""", Integer.class);
        return waiting != null && waiting > 0;
    }

    private static ProjectSubmitted submitted(UUID id, String name) {
        return ProjectSubmitted.newBuilder()
                .setProjectId(id.toString())
                .setName(name)
                .setBrief("a brief")
                .setBudgetMicros(1_000_000)
                .build();
    }

    /** A transaction holding a lock that makes every event insert wait; rolled back by the caller. */
    private static Connection lockEvents() throws Exception {
        Connection c = DriverManager.getConnection(INFRA.jdbcUrl(), "postgres", "");
        c.setAutoCommit(false);
        c.createStatement().execute("LOCK TABLE events IN EXCLUSIVE MODE");
        return c;
    }
}
