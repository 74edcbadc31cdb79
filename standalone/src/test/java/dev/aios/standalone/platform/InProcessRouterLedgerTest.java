package dev.aios.standalone.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.orchestrator.budget.Reading;
import dev.aios.router.budget.BudgetGuard;
import dev.aios.router.budget.InMemoryBudgetLedger;
import dev.aios.router.client.CallMetadata;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's orchestrator reads the in-JVM router's ledger: what a running call holds, or that nothing is metered. */
class InProcessRouterLedgerTest {
    private final BudgetGuard guard = new BudgetGuard(new InMemoryBudgetLedger(), false);
    private final InProcessRouterLedger ledger = new InProcessRouterLedger(guard);
    private final UUID project = UUID.randomUUID();

    @Test
    void readsWhatARunningCallHolds() {
        // given: a call of the project admitted for a worst case of 1,650 of 5,000,000
        guard.admit(
                new CallMetadata(
                                project.toString(),
                                "T1",
                                "backend",
                                "code",
                                "medium",
                                1,
                                1,
                                Optional.empty(),
                                Optional.empty())
                        .withBudgetLimit(5_000_000),
                1_650,
                "on tier gpt");

        // when
        Reading reading = ledger.read(project);

        // then
        assertThat(reading).isEqualTo(new Reading.Reported(5_000_000L, 0, 1_650, 4_998_350L));
    }

    @Test
    void aProjectNoCallWasMeteredForHoldsNothing() {
        assertThat(ledger.read(project)).isInstanceOf(Reading.NothingMetered.class);
    }
}
