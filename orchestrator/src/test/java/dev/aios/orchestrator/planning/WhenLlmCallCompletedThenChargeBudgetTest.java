package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.LlmCallCompleted;
import dev.aios.events.v1.ProjectPaused;
import org.junit.jupiter.api.Test;

class WhenLlmCallCompletedThenChargeBudgetTest {
    @Test
    void whenACallArrivesBeforeTheProjectThenNothingIsCharged() {
        // when
        Decision d = withCapacity(10).when(llmCall("c1", 50));
        // then
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.state().spentMicros()).isZero();
    }

    @Test
    void whenThePlanSpendsTheBudgetThenItIsChargedAndPlanningGoesOn() {
        // given
        var fixture = withCapacity(10).givenHandled(submitted(100));
        // when
        Decision d = fixture.when(llmCall("c1", 150));
        // then: only a running project pauses; the plan's answer decides what happens next
        assertThat(types(d)).containsExactly(LlmCallCompleted.class);
        assertThat(d.state().spentMicros()).isEqualTo(150);
        assertThat(d.state().status()).isEqualTo(ProjectStatus.PLANNING);
    }

    @Test
    void whenCallsComeAfterThePauseThenTheyAreChargedWithoutPausingAgain() {
        // given
        var fixture = withCapacity(10)
                .givenHandled(
                        submitted(100), backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)), llmCall("c1", 100));
        // when
        Decision d = fixture.when(llmCall("c2", 30));
        // then
        assertThat(types(d)).containsExactly(LlmCallCompleted.class);
        assertThat(d.state().spentMicros()).isEqualTo(130);
        assertThat(fixture.state().status()).isEqualTo(ProjectStatus.PAUSED);
    }

    @Test
    void whenACallSpendsTheRestThenThePauseSaysWhatWasSpentOfWhat() {
        // given
        var fixture = withCapacity(10)
                .givenHandled(
                        submitted(100), backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)), llmCall("c1", 60));
        // when
        Decision d = fixture.when(llmCall("c2", 45));
        // then
        assertThat(types(d)).containsExactly(LlmCallCompleted.class, ProjectPaused.class);
        ProjectPaused paused = (ProjectPaused) d.events().get(1);
        assertThat(paused.getReason()).isEqualTo("budget spent: 105 of 100 micro-dollars");
        assertThat(paused.getSpentMicros()).isEqualTo(105);
        assertThat(paused.getBudgetMicros()).isEqualTo(100);
    }
}
