package dev.aios.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.orchestrator.eventstore.EventCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault test 7 (docs/reliability.md): a private Redis is wiped (FLUSHALL) while projects are being worked on and
 * some assignments died with their agent. The leases come back from the projection, those tasks are reassigned,
 * and every project is delivered.
 */
class RedisWipeFaultIT extends FaultIntegrationTest {
    static final int PROJECTS = 30; // x (8 tasks + 1 review) = 270 assignments
    static final String PREFIX = "aios-fault7:";
    static final PrivateRedis REDIS = closeAfterContext(PrivateRedis.start());
    static final AiosTestInfrastructure.TemporaryDatabase DB = closeAfterContext(KIT.createDatabase());
    static final AiosTestInfrastructure.TemporaryVhost VHOST = closeAfterContext(KIT.createVhost());
    static FaultAgents agents;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        useServices(registry, DB::jdbcUrl, null, VHOST::name, () -> REDIS.port, () -> PREFIX);
        registry.add("aios.orchestrator.lease-duration", () -> "6s");
        registry.add("aios.orchestrator.lease-sweep-interval", () -> "250ms");
        registry.add("aios.orchestrator.lease-check-interval", () -> "250ms");
    }

    @AfterAll
    static void stopAgents() {
        closeQuietly(agents);
    }

    @Test
    void leasesComeBackAfterFlushallAndEveryProjectIsDelivered() throws Exception {
        // given: two agents per role; the second of each role dies with its first three assignments
        var drops = new ConcurrentHashMap<String, AtomicInteger>();
        agents = new FaultAgents(
                5672,
                VHOST.name(),
                2,
                (agent, task) -> agent.endsWith("-agent-2")
                        && drops.computeIfAbsent(agent, a -> new AtomicInteger())
                                        .incrementAndGet()
                                <= 3);
        long started = System.nanoTime();
        List<String> ids = submit(PROJECTS, "wipe");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> agents.dropped.size() >= 6);
        // when: Redis loses everything mid-flight
        int deliveredBeforeWipe = delivered();
        int droppedBeforeWipe = agents.dropped.size();
        REDIS.flushAll();
        long wiped = System.nanoTime();
        // then: the lease state is rebuilt (the marker is written only by a completed rebuild)
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> REDIS.exists(PREFIX + "lease-marker"));
        long rebuiltMs = (System.nanoTime() - wiped) / 1_000_000;
        // and, at a quiet moment (agents paused), Redis holds exactly the projection's outstanding leases
        agents.pause();
        int comparedLeases;
        try {
            comparedLeases = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> {
                                Map<String, Double> before = projectedLeases();
                                Map<String, Double> inRedis = REDIS.sortedSet(PREFIX + "lease-expiries");
                                Map<String, Double> after = projectedLeases();
                                return before.equals(after) && inRedis.equals(before) ? before.size() : -1;
                            },
                            n -> n >= 0);
        } finally {
            agents.resume();
        }
        // and every assignment that died before the wipe is reassigned and completed within 30 s of the wipe
        List<TaskAssigned> lost = List.copyOf(agents.dropped).subList(0, droppedBeforeWipe);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(lost)
                        .allSatisfy(t -> assertThat(completedBy(t))
                                .as("completion of " + t.getLeaseId())
                                .isNotNull()));
        long recoveredMs = (System.nanoTime() - wiped) / 1_000_000;
        // and every project is delivered, with no task held twice, none completed other than once, no version gap
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> delivered() == PROJECTS);
        StreamLedger ledger = StreamLedger.of(jdbc);
        System.out.printf(
                "fault 7: %d projects, %d dropped before the wipe, %d delivered before it; marker back in %d ms;"
                        + " %d leases compared equal; dropped tasks done %d ms after the wipe; all delivered in %d ms; %s%n",
                ids.size(),
                droppedBeforeWipe,
                deliveredBeforeWipe,
                rebuiltMs,
                comparedLeases,
                recoveredMs,
                (System.nanoTime() - started) / 1_000_000,
                ledger);
        assertThat(deliveredBeforeWipe).as("the wipe came mid-flight").isLessThan(PROJECTS);
        assertThat(comparedLeases).as("leases outstanding at the comparison").isPositive();
        assertThat(ledger.problems()).isEmpty();
        assertThat(ledger.clean()).isTrue();
        assertThat(ledger.delivered()).isEqualTo(PROJECTS);
        assertThat(ledger.leaseExpiries())
                .as("the dropped assignments expired and were reassigned")
                .isGreaterThanOrEqualTo(droppedBeforeWipe);
    }

    private int delivered() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM projects WHERE status = 'DELIVERED'", Integer.class);
        return n == null ? 0 : n;
    }

    /** The agent whose completion of the task was accepted, or null. */
    private String completedBy(TaskAssigned t) {
        for (byte[] payload : jdbc.queryForList(
                "SELECT payload FROM events WHERE stream_id = ? AND type = ?",
                byte[].class,
                "project-" + t.getProjectId(),
                TaskCompleted.getDescriptor().getFullName())) {
            if (parse(payload) instanceof TaskCompleted c && c.getTaskId().equals(t.getTaskId())) {
                return c.getAgentId();
            }
        }
        return null;
    }

    /** Lease id to expiry (epoch ms) of every ASSIGNED task of an unfinished project, as its latest TaskAssigned granted. */
    private Map<String, Double> projectedLeases() {
        var snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return snapshot.execute(status -> {
            var assigned = new HashMap<String, Map<String, Integer>>();
            jdbc.query(
                    "SELECT t.project_id::text, t.task_id, t.attempt FROM tasks t JOIN projects p ON p.project_id = t.project_id"
                            + " WHERE t.status = 'ASSIGNED' AND p.status NOT IN ('DELIVERED', 'STOPPED')",
                    rs -> {
                        assigned.computeIfAbsent(rs.getString(1), p -> new HashMap<>())
                                .put(rs.getString(2), rs.getInt(3));
                    });
            var leases = new HashMap<String, Double>();
            assigned.forEach((project, tasks) -> {
                for (byte[] payload : jdbc.queryForList(
                        "SELECT payload FROM events WHERE stream_id = ? AND type = ?",
                        byte[].class,
                        "project-" + project,
                        TaskAssigned.getDescriptor().getFullName())) {
                    TaskAssigned a = (TaskAssigned) parse(payload);
                    if (Integer.valueOf(a.getAttempt()).equals(tasks.get(a.getTaskId()))) {
                        leases.put(
                                a.getLeaseId(), (double) (a.getLeaseExpiresAt().getSeconds() * 1000
                                        + a.getLeaseExpiresAt().getNanos() / 1_000_000));
                    }
                }
            });
            return leases;
        });
    }

    private static com.google.protobuf.Message parse(byte[] payload) {
        try {
            return EventCodec.unwrap(Envelope.parseFrom(payload));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
