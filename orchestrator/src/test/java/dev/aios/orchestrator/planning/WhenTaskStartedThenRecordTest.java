package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.TaskStarted;
import org.junit.jupiter.api.Test;

class WhenTaskStartedThenRecordTest {
    private final PlannerFixture running =
            withCapacity(10).givenHandled(submitted(1_000), backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)));

    @Test
    void whenTheLeaseHolderStartsThenTheStartAndItsAgentAreRecorded() {
        // when
        Decision d = running.when(started("A", 1, "backend-7"));
        // then
        assertThat(d.events()).containsExactly(started("A", 1, "backend-7"));
        assertThat(d.state().tasks().get("A").agentId()).isEqualTo("backend-7");
    }

    @Test
    void whenAStartComesUnderAnExpiredLeaseThenNothingIsRecorded() {
        // given
        running.givenHandled(leaseExpired("A", 1));
        // when
        Decision d = running.when(started("A", 1, "backend-7"));
        // then
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.state().tasks().get("A").agentId()).isNull();
    }

    @Test
    void whenAnUnknownTaskStartsThenNothingIsRecorded() {
        // when
        Decision d = running.when(started("Z", 1, "backend-7"));
        // then
        assertThat(d.isEmpty()).isTrue();
    }

    private static TaskStarted started(String task, int attempt, String agent) {
        return TaskStarted.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attempt)
                .setAgentId(agent)
                .setLeaseId(lease(task, attempt))
                .build();
    }
}
