package dev.aios.orchestrator.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Leases lost from Redis come back from the projection. The shared Redis is never flushed: a "wipe" here deletes
 * this test's own keys; the FLUSHALL of a whole server is fault test 7 (faults.RedisWipeFaultIT, private Redis).
 */
class LeaseRebuildIT extends OrchestratorIntegrationTest {
    @Autowired
    ProjectDecisions decisions;

    @Autowired
    EventStore store;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ProjectedLeases projected;

    @Autowired
    ProjectedApprovalDeadlines projectedDeadlines;

    @Autowired
    ApprovalDeadlines approvalDeadlines;

    @Nested
    class TheRunningApp {
        final LeaseKeys keys = new LeaseKeys(INFRA.redisPrefix);

        @Test
        void restoresWipedLeasesWithTheExpiryTheirAssignmentGranted() {
            // given: a project with two tasks assigned, their leases in Redis, and the marker of a complete state
            UUID id = projectWithTwoAssignedTasks();
            Map<String, Instant> granted = grantedLeases(id);
            assertThat(granted).hasSize(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.hasKey(keys.marker()));
            // when: Redis loses them and the marker (this prefix only)
            redis.delete(List.of(keys.marker(), keys.expiries()));
            granted.keySet().forEach(lease -> redis.delete(keys.lease(lease)));
            // then: the scheduled check notices the missing marker and restores both, expiries as granted
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(redis.hasKey(keys.marker())).isTrue();
                granted.forEach((lease, expires) -> {
                    assertThat(redis.opsForZSet().score(keys.expiries(), lease))
                            .isEqualTo((double) expires.toEpochMilli());
                    assertThat(redis.getExpire(keys.lease(lease))).isPositive();
                });
            });
            assertThat(projected.read()).containsAllEntriesOf(granted);
        }

        @Test
        void restoresAWipedApprovalDeadlineButNotOneAlreadyDecided() {
            // given: two projects whose backlogs wait for a person with a deadline; the second is already granted
            UUID waiting = projectWhoseBacklogWaitsWithADeadline();
            UUID decided = projectWhoseBacklogWaitsWithADeadline();
            handle(
                    decided,
                    ApprovalGranted.newBuilder()
                            .setProjectId(decided.toString())
                            .setItemId("backlog-1")
                            .setGrantedBy("ana")
                            .build());
            String entry = waiting + "/backlog-1/reject";
            Double deadline = redis.opsForZSet().score(keys.approvalDeadlines(), entry);
            assertThat(deadline).as("the deadline the request set").isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.hasKey(keys.marker()));
            // when: Redis loses the deadlines and the marker (this prefix only)
            redis.delete(List.of(keys.marker(), keys.approvalDeadlines()));
            // then: the scheduled check puts the waiting item's deadline back as requested, and not the decided one's
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(redis.hasKey(keys.marker())).isTrue();
                assertThat(redis.opsForZSet().score(keys.approvalDeadlines(), entry))
                        .isEqualTo(deadline);
            });
            assertThat(redis.opsForZSet().score(keys.approvalDeadlines(), decided + "/backlog-1/reject"))
                    .isNull();
            assertThat(projectedDeadlines.read()).containsEntry(entry, deadline.longValue());
        }

        @Test
        void leavesOutTheLeasesOfAStoppedProject() {
            // given: a stopped project whose tasks were still assigned
            UUID id = projectWithTwoAssignedTasks();
            decisions.handle(
                    id,
                    ProjectStopped.newBuilder()
                            .setProjectId(id.toString())
                            .setReason("stop")
                            .build(),
                    null);
            // when
            Map<String, Instant> outstanding = projected.read();
            // then
            assertThat(outstanding.keySet()).noneMatch(lease -> lease.startsWith(id + "/"));
        }
    }

    @Nested
    class ARebuild {
        final String prefix = INFRA.redisPrefix + "rebuild-" + UUID.randomUUID() + ":";
        final LeaseKeys keys = new LeaseKeys(prefix);
        final Instant in5Minutes = Instant.now().plus(Duration.ofMinutes(5));

        @AfterEach
        void removeKeys() {
            Set<String> mine = redis.keys(prefix + "*");
            if (mine != null && !mine.isEmpty()) {
                redis.delete(mine);
            }
        }

        @Test
        void removesALeaseThatSettledBetweenItsTwoReadsOfTheProjection() {
            // given: L2 is outstanding at the first read and settled (task done) by the second
            var projection = scripted(Map.of("p/L1/1", in5Minutes, "p/L2/1", in5Minutes), Map.of("p/L1/1", in5Minutes));
            // when
            LeaseRebuild.Result result = rebuild(projection).rebuild().orElseThrow();
            // then: L2, written between the reads, is gone again; L1 is whole; the marker says the state is complete
            assertThat(result.restored()).isEqualTo(2);
            assertThat(result.forgotten()).isEqualTo(1);
            assertThat(leasesInRedis()).containsOnlyKeys("p/L1/1");
            assertThat(redis.hasKey(keys.lease("p/L2/1"))).isFalse();
            assertThat(redis.getExpire(keys.lease("p/L1/1"))).isBetween(290L, 300L);
            assertThat(redis.hasKey(keys.marker())).isTrue();
            assertThat(redis.hasKey(keys.rebuildLock())).isFalse();
        }

        @Test
        void keepsALeaseTheNormalPathWroteMeanwhileAndIsIdempotent() {
            // given: the normal path already wrote L1 with a later expiry than this (older) projection says
            long later = in5Minutes.plusSeconds(60).toEpochMilli();
            redis.opsForZSet().add(keys.expiries(), "p/L1/1", later);
            var projection = scripted(Map.of("p/L1/1", in5Minutes, "p/L3/2", in5Minutes));
            // when: rebuilt twice
            rebuild(projection).rebuild().orElseThrow();
            Map<String, Double> once = leasesInRedis();
            rebuild(projection).rebuild().orElseThrow();
            // then
            assertThat(once).isEqualTo(Map.of("p/L1/1", (double) later, "p/L3/2", (double) in5Minutes.toEpochMilli()));
            assertThat(leasesInRedis()).isEqualTo(once);
        }

        @Test
        void restoresAnAlreadyExpiredLeaseSoTheSweeperExpiresIt() {
            // given: a lease whose agent died while Redis was down: its expiry has passed
            Instant past = Instant.now().minusSeconds(30);
            // when
            rebuild(scripted(Map.of("p/L4/1", past))).rebuild().orElseThrow();
            // then: due for the sweeper at once
            assertThat(redis.opsForZSet().rangeByScore(keys.expiries(), 0, System.currentTimeMillis()))
                    .containsExactly("p/L4/1");
        }

        @Test
        void leavesTheWorkToTheReplicaThatHoldsTheLock() {
            // given: another replica is rebuilding
            redis.opsForValue().set(keys.rebuildLock(), "other-replica", Duration.ofSeconds(30));
            // when
            var result = rebuild(scripted(Map.of("p/L5/1", in5Minutes))).rebuild();
            // then
            assertThat(result).isEmpty();
            assertThat(leasesInRedis()).isEmpty();
            assertThat(redis.opsForValue().get(keys.rebuildLock())).isEqualTo("other-replica");
        }

        @Test
        void doesNotClaimACompleteStateWhenRedisIsWipedDuringTheRebuild() {
            // given: Redis loses everything (the lock too) between the two reads
            var projection = scripted(Map.of("p/L6/1", in5Minutes), Map.of("p/L6/1", in5Minutes));
            projection.between = () -> redis.delete(List.of(keys.rebuildLock(), keys.expiries(), keys.lease("p/L6/1")));
            // when
            var result = rebuild(projection).rebuild();
            // then: no marker, so the next check rebuilds again
            assertThat(result).isEmpty();
            assertThat(redis.hasKey(keys.marker())).isFalse();
        }

        @Test
        void concurrentReplicasEndWithExactlyTheProjectedLeases() throws Exception {
            // given: four replicas, each told the same outstanding leases
            Map<String, Instant> leases = new HashMap<>();
            for (int i = 0; i < 1_200; i++) {
                leases.put("p/T" + i + "/1", in5Minutes.plusMillis(i));
            }
            List<Callable<Boolean>> replicas = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                LeaseRebuild replica = rebuild(scripted(leases));
                replicas.add(() -> {
                    boolean rebuilt = false;
                    while (!Boolean.TRUE.equals(redis.hasKey(keys.marker()))) {
                        rebuilt |= replica.rebuildIfNeeded().isPresent();
                    }
                    return rebuilt;
                });
            }
            // when
            List<Boolean> rebuilt;
            try (var pool = Executors.newFixedThreadPool(4)) {
                var futures = pool.invokeAll(replicas);
                rebuilt = new ArrayList<>();
                for (var f : futures) {
                    rebuilt.add(f.get());
                }
            }
            // then: one replica did it (the others found the marker once they had the lock), and Redis holds exactly
            // those leases with their expiries
            assertThat(rebuilt).containsOnlyOnce(true);
            Map<String, Double> expected = new HashMap<>();
            leases.forEach((id, at) -> expected.put(id, (double) at.toEpochMilli()));
            assertThat(leasesInRedis()).isEqualTo(expected);
        }

        Map<String, Double> leasesInRedis() {
            var out = new HashMap<String, Double>();
            var all = redis.opsForZSet().rangeWithScores(keys.expiries(), 0, -1);
            if (all != null) {
                all.forEach(t -> {
                    assertThat(redis.hasKey(keys.lease(t.getValue())))
                            .as("lease key of " + t.getValue())
                            .isTrue();
                    out.put(t.getValue(), t.getScore());
                });
            }
            return out;
        }

        LeaseRebuild rebuild(ProjectedLeases projection) {
            return new LeaseRebuild(
                    redis, projection, projectedDeadlines, approvalDeadlines, Clock.systemUTC(), prefix);
        }

        @SafeVarargs
        final ScriptedProjection scripted(Map<String, Instant>... reads) {
            return new ScriptedProjection(List.of(reads));
        }
    }

    /** A projection that answers successive reads from a script (the last answer repeats). */
    class ScriptedProjection extends ProjectedLeases {
        final ConcurrentLinkedQueue<Map<String, Instant>> reads;
        final Map<String, Instant> last;
        Runnable between = () -> {};
        int count;

        ScriptedProjection(List<Map<String, Instant>> reads) {
            super(jdbc, transactions);
            this.reads = new ConcurrentLinkedQueue<>(reads);
            this.last = reads.getLast();
        }

        @Override
        synchronized Map<String, Instant> read() {
            if (count++ == 1) {
                between.run();
            }
            Map<String, Instant> next = reads.poll();
            return next == null ? last : next;
        }
    }

    private UUID projectWhoseBacklogWaitsWithADeadline() {
        return projectWithBacklog(
                ProjectOptions.newBuilder()
                        .addApprovals(ApprovalKind.APPROVAL_KIND_BACKLOG)
                        .setApprovalTimeoutMinutes(30)
                        .setApprovalTimeoutAction(ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_REJECT)
                        .build(),
                AgentRole.AGENT_ROLE_BACKEND);
    }

    private UUID projectWithTwoAssignedTasks() {
        return projectWithBacklog(
                ProjectOptions.getDefaultInstance(), AgentRole.AGENT_ROLE_BACKEND, AgentRole.AGENT_ROLE_FRONTEND);
    }

    /** A submitted project whose backlog has one task per role, named A, B, …: assigned, or waiting for a person. */
    private UUID projectWithBacklog(ProjectOptions options, AgentRole... roles) {
        UUID id = UUID.randomUUID();
        String p = id.toString();
        var submitted = ProjectSubmitted.newBuilder()
                .setProjectId(p)
                .setName("rebuild")
                .setBrief("b")
                .setBudgetMicros(1_000);
        if (!options.equals(ProjectOptions.getDefaultInstance())) {
            submitted.setOptions(options);
        }
        handle(id, submitted.build());
        var backlog = BacklogProposed.newBuilder().setProjectId(p).setAttempt(1);
        for (int i = 0; i < roles.length; i++) {
            String task = String.valueOf((char) ('A' + i));
            backlog.addTasks(TaskSpec.newBuilder()
                    .setTaskId(task)
                    .setRole(roles[i])
                    .setTitle(task.toLowerCase(Locale.ROOT))
                    .setEstimatePoints(1));
        }
        handle(id, backlog.build());
        return id;
    }

    private Map<String, Instant> grantedLeases(UUID id) {
        var out = new HashMap<String, Instant>();
        for (var e : store.readStream(ProjectDecisions.streamOf(id))) {
            if (EventCodec.unwrap(e.envelope()) instanceof TaskAssigned a) {
                out.put(a.getLeaseId(), LeaseKeeper.toInstant(a.getLeaseExpiresAt()));
            }
        }
        return out;
    }

    private void handle(UUID id, Message m) {
        assertThat(decisions.handle(id, m, envelope(m)).appended()).isNotEmpty();
    }

    private static Envelope envelope(Message m) {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setType(m.getDescriptorForType().getFullName())
                .setPayload(m.toByteString())
                .build();
    }
}
