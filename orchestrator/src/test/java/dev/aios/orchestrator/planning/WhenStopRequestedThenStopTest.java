package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.events.v1.StopCause;
import org.junit.jupiter.api.Test;

class WhenStopRequestedThenStopTest {
    private static final ProjectStopped STOP = ProjectStopped.newBuilder()
            .setProjectId(PROJECT)
            .setCause(StopCause.STOP_CAUSE_USER)
            .setReason("changed my mind")
            .setStoppedBy("alice")
            .build();

    @Test
    void whenARunningProjectIsStoppedThenTheStopIsRecordedWithItsReason() {
        // given
        var fixture =
                withCapacity(10).givenHandled(submitted(1_000), backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)));
        // when
        Decision d = fixture.when(STOP);
        // then
        assertThat(d.events()).containsExactly(STOP);
        assertThat(d.state().status()).isEqualTo(ProjectStatus.STOPPED);
        assertThat(d.state().stopReason()).isEqualTo("changed my mind");
    }

    @Test
    void whenAProjectNotYetSubmittedIsStoppedThenNothingHappens() {
        // when
        Decision d = withCapacity(10).when(STOP);
        // then
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.state().status()).isEqualTo(ProjectStatus.NEW);
    }

    @Test
    void whenAStoppedProjectIsStoppedAgainThenNothingHappens() {
        // given
        var fixture = withCapacity(10).givenHandled(submitted(1_000), STOP);
        // when
        Decision d = fixture.when(STOP.toBuilder().setReason("again").build());
        // then
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.state().stopReason()).isEqualTo("changed my mind");
    }
}
