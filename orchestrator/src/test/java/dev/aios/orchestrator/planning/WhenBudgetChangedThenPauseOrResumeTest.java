package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.BudgetChanged;
import dev.aios.events.v1.ProjectPaused;
import org.junit.jupiter.api.Test;

class WhenBudgetChangedThenPauseOrResumeTest {
    private final PlannerFixture spentHalf = withCapacity(10)
            .givenHandled(submitted(100), backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)), llmCall("c1", 50));

    @Test
    void whenTheBudgetIsLoweredBelowWhatIsSpentThenTheRunningProjectPauses() {
        // when
        Decision d = spentHalf.when(budget(40));
        // then
        assertThat(types(d)).containsExactly(BudgetChanged.class, ProjectPaused.class);
        assertThat(((ProjectPaused) d.events().get(1)).getReason()).isEqualTo("budget spent: 50 of 40 micro-dollars");
        assertThat(d.state().status()).isEqualTo(ProjectStatus.PAUSED);
    }

    @Test
    void whenTheBudgetIsRaisedToExactlyWhatIsSpentThenThePauseHolds() {
        // given
        spentHalf.givenHandled(budget(40));
        // when
        Decision d = spentHalf.when(budget(50));
        // then
        assertThat(types(d)).containsExactly(BudgetChanged.class);
        assertThat(d.state().status()).isEqualTo(ProjectStatus.PAUSED);
    }

    @Test
    void whenTheBudgetOfAProjectNotYetSubmittedChangesThenNothingHappens() {
        // when
        Decision d = withCapacity(10).when(budget(40));
        // then
        assertThat(d.isEmpty()).isTrue();
    }

    private static BudgetChanged budget(long micros) {
        return BudgetChanged.newBuilder()
                .setProjectId(PROJECT)
                .setBudgetMicros(micros)
                .build();
    }
}
