package dev.aios.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault test 3 (docs/reliability.md): the broker (a private RabbitMQ node) is killed with {@code kill -9} during
 * the outbox relay's publish burst and started again 5 s later. No row marked published was lost with the node,
 * unpublished rows are sent after the restart, and after the inbox every effect happened exactly once.
 */
class BrokerKillFaultIT extends FaultIntegrationTest {
    static final int PROJECTS = 30; // x (8 tasks + 1 review) = 270 assignments, plus 30 plans
    static final PrivateRabbit RABBIT = closeAfterContext(PrivateRabbit.start());
    static final AiosTestInfrastructure.TemporaryDatabase DB = closeAfterContext(KIT.createDatabase());
    static final AiosTestInfrastructure.TemporaryRedisPrefix PREFIX = closeAfterContext(KIT.createRedisPrefix());
    static FaultAgents agents;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        useServices(registry, DB::jdbcUrl, () -> RABBIT.port, () -> "/", null, PREFIX::prefix);
        // no lease expires during the test: a lost assignment must show as a project never delivered
        registry.add("aios.orchestrator.lease-duration", () -> "600s");
    }

    @AfterAll
    static void stopAgents() {
        closeQuietly(agents);
    }

    @Test
    void killedBrokerLosesNoPublishedCommandAndEveryEffectHappensOnce() throws Exception {
        // given: a burst of projects whose plans and assignments the relay is publishing
        agents = new FaultAgents(RABBIT.port, "/", 2, (agent, task) -> false);
        long started = System.nanoTime();
        List<String> ids = submit(PROJECTS, "broker");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> agents.answered.size() >= 20);
        // when: the node is killed (-9) mid-burst and started again 5 s later
        int publishedAtKill = count("SELECT count(*) FROM outbox WHERE published_at IS NOT NULL");
        int unpublishedAtKill = count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
        RABBIT.kill();
        long killed = System.nanoTime();
        Thread.sleep(5_000);
        int unpublishedDuringOutage = count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
        RABBIT.startNode();
        long restarted = System.nanoTime();
        // then: every project is delivered (figures are printed before the verdict)
        boolean allDelivered = within(
                Duration.ofSeconds(180),
                () -> count("SELECT count(*) FROM projects WHERE status = 'DELIVERED'") == PROJECTS);
        long deliveredMs = (System.nanoTime() - started) / 1_000_000;
        // and no command the relay marked published is missing at the agents; duplicates only before the inbox
        List<String> published =
                jdbc.queryForList("SELECT event_id::text FROM outbox WHERE published_at IS NOT NULL", String.class);
        var received = new HashSet<>(agents.received);
        long lost = published.stream().filter(id -> !received.contains(id)).count();
        Map<String, Integer> deliveries = new HashMap<>();
        agents.received.forEach(id -> deliveries.merge(id, 1, Integer::sum));
        long redelivered = deliveries.values().stream().filter(n -> n > 1).count();
        int unpublished = count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
        StreamLedger ledger = StreamLedger.of(jdbc);
        System.out.printf(
                "fault 3: %d projects; at the kill %d outbox rows published, %d not yet; %d unpublished after 5 s down;"
                        + " kill to AMQP port open again %d ms; all delivered: %s after %d ms; outbox rows %d published, %d left unpublished;"
                        + " lost %d; commands delivered more than once (before the inbox) %d, skipped by the agents' inbox %d;"
                        + " agent publish failures %d; %s%n",
                ids.size(),
                publishedAtKill,
                unpublishedAtKill,
                unpublishedDuringOutage,
                (restarted - killed) / 1_000_000,
                allDelivered,
                deliveredMs,
                published.size(),
                unpublished,
                lost,
                redelivered,
                agents.duplicatesSkipped.get(),
                agents.publishFailures.get(),
                ledger);
        assertThat(publishedAtKill).as("the kill came mid-burst").isLessThan(PROJECTS * 10);
        assertThat(allDelivered).as("every project delivered").isTrue();
        assertThat(lost).as("published rows whose message never arrived").isZero();
        assertThat(unpublished).isZero();
        assertThat(ledger.problems()).isEmpty();
        assertThat(ledger.clean()).isTrue();
        assertThat(ledger.delivered()).isEqualTo(PROJECTS);
    }

    private int count(String sql) {
        try {
            Integer n = jdbc.queryForObject(sql, Integer.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
