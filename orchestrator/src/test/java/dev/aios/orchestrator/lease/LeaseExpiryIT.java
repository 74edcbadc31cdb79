package dev.aios.orchestrator.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.support.OrchestratorIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Leases live in Redis; the sweeper turns an expired one into TaskLeaseExpired and a fresh assignment. */
class LeaseExpiryIT extends OrchestratorIntegrationTest {
    @Autowired
    ProjectDecisions decisions;

    @Autowired
    EventStore store;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void expiredLeaseIsReassignedWithANewLeaseAndTheLateResultIsFenced() {
        // given: task A assigned with lease attempt 1
        UUID id = UUID.randomUUID();
        String p = id.toString();
        handle(
                id,
                ProjectSubmitted.newBuilder()
                        .setProjectId(p)
                        .setName("lease")
                        .setBrief("b")
                        .setBudgetMicros(1_000)
                        .build());
        handle(
                id,
                BacklogProposed.newBuilder()
                        .setProjectId(p)
                        .setAttempt(1)
                        .addTasks(TaskSpec.newBuilder()
                                .setTaskId("A")
                                .setRole(AgentRole.AGENT_ROLE_BACKEND)
                                .setTitle("a")
                                .setEstimatePoints(1))
                        .build());
        String first = p + "/A/1";
        String leaseKey = INFRA.redisPrefix + "lease:" + first;
        assertThat(redis.hasKey(leaseKey)).isTrue();
        assertThat(redis.getExpire(leaseKey)).isPositive();
        // when: its expiry passes (moved to the past instead of waiting out the lease)
        redis.opsForZSet().add(INFRA.redisPrefix + "lease-expiries", first, 1);
        // then: the scheduled sweeper records the expiry and assigns attempt 2 under a new lease
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(types(p)).endsWith("TaskLeaseExpired", "TaskAssigned"));
        // leases follow the commit (after-commit hook), so they may trail the events by a moment
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(redis.hasKey(leaseKey)).isFalse();
            assertThat(redis.hasKey(INFRA.redisPrefix + "lease:" + p + "/A/2")).isTrue();
        });
        // and a late result from the first lease changes nothing
        long version = store.currentVersion(ProjectDecisions.streamOf(id));
        var late = TaskCompleted.newBuilder()
                .setProjectId(p)
                .setTaskId("A")
                .setAttempt(1)
                .setAgentId("slow")
                .setLeaseId(first)
                .build();
        assertThat(decisions.handle(id, late, envelope(late)).appended()).isEmpty();
        assertThat(store.currentVersion(ProjectDecisions.streamOf(id))).isEqualTo(version);
    }

    private List<String> types(String p) {
        return store.readStream("project-" + p).stream()
                .map(e -> EventCodec.unwrap(e.envelope()).getDescriptorForType().getName())
                .toList();
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
