package dev.aios.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fault test 5 (docs/reliability.md): the orchestrator's PostgreSQL (a private cluster) is killed without a
 * checkpoint while projects are delivered, and started again 3 s later. No agent event is acked before its
 * effect committed, stream versions stay contiguous, the app is healthy again by itself, every project is delivered.
 */
class PostgresCrashFaultIT extends FaultIntegrationTest {
    static final int PROJECTS = 30; // x (8 tasks + 1 review) = 270 assignments
    static final PrivatePostgres POSTGRES = closeAfterContext(PrivatePostgres.start());
    static final AiosTestInfrastructure.TemporaryVhost VHOST = closeAfterContext(KIT.createVhost());
    static final AiosTestInfrastructure.TemporaryRedisPrefix PREFIX = closeAfterContext(KIT.createRedisPrefix());
    static FaultAgents agents;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        useServices(registry, POSTGRES::jdbcUrl, null, VHOST::name, null, PREFIX::prefix);
        registry.add("aios.orchestrator.lease-duration", () -> "120s"); // no expiry fences an answer in this test
    }

    @AfterAll
    static void stopAgents() {
        closeQuietly(agents);
    }

    @Test
    void crashedDatabaseLosesNoAckedEffectAndTheAppRecoversByItself() throws Exception {
        // given: projects under way, answered by two agents per role
        agents = new FaultAgents(5672, VHOST.name(), 2, (agent, task) -> false);
        long started = System.nanoTime();
        List<String> ids = submit(PROJECTS, "crash");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> agents.answered.size() >= 60);
        // when: PostgreSQL is killed mid-flight and comes back 3 s later
        int answeredAtCrash = agents.answered.size();
        POSTGRES.crash();
        long crashed = System.nanoTime();
        Thread.sleep(3_000);
        int answeredDuringOutage = agents.answered.size() - answeredAtCrash;
        POSTGRES.startServer();
        long restarted = System.nanoTime();
        // then: healthy again within 30 s, with no restart of the app
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> health().contains("\"status\":\"UP\""));
        long healthyMs = (System.nanoTime() - restarted) / 1_000_000;
        // and every project is delivered (figures are printed before the verdict, so a failure still says what
        // happened)
        boolean allDelivered = within(Duration.ofSeconds(120), () -> delivered() == PROJECTS);
        long deliveredMs = (System.nanoTime() - started) / 1_000_000;
        long deadLettered = deadLettered();
        // and every answer an agent had confirmed by the broker has its effect exactly once
        Map<String, Integer> completions = completionsPerLease();
        var missing = agents.answered.stream()
                .filter(a -> completions.getOrDefault(a.leaseId(), 0) == 0)
                .toList();
        var twice =
                completions.entrySet().stream().filter(e -> e.getValue() > 1).toList();
        StreamLedger ledger = StreamLedger.of(jdbc);
        System.out.printf(
                "fault 5: %d projects; crash after %d answers, %d more answered (and queued) during the 3 s outage;"
                        + " server down for %d ms; health UP %d ms after the restart; all delivered: %s after %d ms;"
                        + " %d agent events dead-lettered; %d answers, %d effects missing, %d twice; publish failures at agents %d;"
                        + " duplicate commands skipped by the agents' inbox %d; %s%n",
                ids.size(),
                answeredAtCrash,
                answeredDuringOutage,
                (restarted - crashed) / 1_000_000,
                healthyMs,
                allDelivered,
                deliveredMs,
                deadLettered,
                agents.answered.size(),
                missing.size(),
                twice.size(),
                agents.publishFailures.get(),
                agents.duplicatesSkipped.get(),
                ledger);
        assertThat(deadLettered)
                .as("agent events dead-lettered by the outage (a transient failure)")
                .isZero();
        assertThat(allDelivered).as("every project delivered").isTrue();
        assertThat(answeredAtCrash).as("the crash came mid-flight").isLessThan(PROJECTS * 9);
        assertThat(missing).as("answers acked without their effect").isEmpty();
        assertThat(twice).as("effects applied twice").isEmpty();
        assertThat(ledger.problems()).isEmpty();
        assertThat(ledger.clean()).isTrue();
        assertThat(ledger.delivered()).isEqualTo(PROJECTS);
    }

    /** Messages in the orchestrator's dead-letter queue on the test's vhost. */
    private static long deadLettered() throws Exception {
        var factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setVirtualHost(VHOST.name());
        try (var connection = factory.newConnection("fault-5-dlq-count");
                var channel = connection.createChannel()) {
            return channel.queueDeclarePassive("aios.orchestrator.events.dlq").getMessageCount();
        }
    }

    private String health() {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .header("Authorization", "Bearer " + TestTokens.admin())
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private int delivered() {
        try {
            Integer n = jdbc.queryForObject("SELECT count(*) FROM projects WHERE status = 'DELIVERED'", Integer.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return -1; // the database is still coming back
        }
    }

    private Map<String, Integer> completionsPerLease() {
        var out = new HashMap<String, Integer>();
        for (byte[] payload : jdbc.queryForList(
                "SELECT payload FROM events WHERE type = ?",
                byte[].class,
                TaskCompleted.getDescriptor().getFullName())) {
            try {
                TaskCompleted c = (TaskCompleted) EventCodec.unwrap(Envelope.parseFrom(payload));
                out.merge(c.getLeaseId(), 1, Integer::sum);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
