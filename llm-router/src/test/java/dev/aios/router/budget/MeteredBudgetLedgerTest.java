package dev.aios.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeteredBudgetLedgerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredBudgetLedger ledger = new MeteredBudgetLedger(new InMemoryBudgetLedger(), registry);

    @Test
    void countsEachOutcomeAndTheSettledMicros() {
        // when
        Hold.Reserved held = (Hold.Reserved) ledger.reserve("p", 600, Optional.of(1_000L), Optional.empty());
        ledger.reserve("p", 600, Optional.empty(), Optional.empty());
        ledger.reserve("q", 1, Optional.empty(), Optional.empty());
        ledger.settle(held.reservation(), 250);

        // then
        assertThat(registry.counter("aios.router.budget.reservations", "outcome", "reserved")
                        .count())
                .isEqualTo(1);
        assertThat(registry.counter("aios.router.budget.reservations", "outcome", "over_budget")
                        .count())
                .isEqualTo(1);
        assertThat(registry.counter("aios.router.budget.reservations", "outcome", "no_limit")
                        .count())
                .isEqualTo(1);
        assertThat(registry.counter("aios.router.budget.settled.micros").count())
                .isEqualTo(250);
        assertThat(ledger.balance("p")).isEqualTo(new Balance(1_000, 250, 0));
    }
}
