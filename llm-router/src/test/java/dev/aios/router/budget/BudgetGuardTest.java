package dev.aios.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.budget.BudgetGuard.Admission;
import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.LlmCallException.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BudgetGuardTest {
    private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger();

    private static CallMetadata call(String project, Optional<Long> remaining) {
        return new CallMetadata(project, "T1", "backend", "code", "", 1, 0, Optional.empty(), remaining);
    }

    @Nested
    class InDeploymentMode {
        private final BudgetGuard guard = new BudgetGuard(ledger, true);

        @Test
        void refusesACallThatNamesNoProject() {
            Admission admission = guard.admit(call("", Optional.empty()), 10, "on tier gpt");

            assertThat(admission).isInstanceOfSatisfying(Admission.Refused.class, r -> {
                assertThat(r.kind()).isEqualTo(Kind.INVALID_REQUEST);
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.detail()).contains("deployment mode", "X-AIOS-Project-Id");
            });
        }

        @Test
        void refusesACallWhoseProjectHasNoKnownBudget() {
            Admission admission = guard.admit(call("p", Optional.empty()), 10, "on tier gpt");

            assertThat(admission).isInstanceOfSatisfying(Admission.Refused.class, r -> {
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.detail()).contains("X-AIOS-Budget-Micros");
            });
        }

        @Test
        void refusesACallThatDoesNotFitWithBudgetExhausted() {
            // given
            guard.admit(call("p", Optional.empty()).withBudgetLimit(1_000), 800, "on tier gpt");

            // when
            Admission admission = guard.admit(call("p", Optional.empty()), 300, "on tier claude");

            // then
            assertThat(admission).isInstanceOfSatisfying(Admission.Refused.class, r -> {
                assertThat(r.kind()).isEqualTo(Kind.BUDGET_EXHAUSTED);
                assertThat(r.status()).isEqualTo(402);
                assertThat(r.detail()).contains("holds 800", "of its 1000 micro-dollars", "up to 300 on tier claude");
            });
        }

        @Test
        void holdsAndSettlesACallThatFits() {
            // given
            Admission admission = guard.admit(call("p", Optional.empty()).withBudgetLimit(1_000), 800, "on tier gpt");
            assertThat(admission).isInstanceOf(Admission.Metered.class);

            // when
            guard.settle(admission, 120);

            // then
            assertThat(ledger.balance("p")).isEqualTo(new Balance(1_000, 120, 0));
        }

        @Test
        void takesTheOrchestratorsSpendAsAFloor() {
            // when: the task was sent with 1000 budget of which 400 were left
            guard.admit(call("p", Optional.of(400L)).withBudgetLimit(1_000), 0, "on tier gpt");

            // then
            assertThat(ledger.balance("p").spentMicros()).isEqualTo(600);
        }

        @Test
        void refusesWhenTheLedgerCannotBeReached() {
            BudgetGuard unreachable = new BudgetGuard(new BrokenLedger(), true);

            Admission admission =
                    unreachable.admit(call("p", Optional.empty()).withBudgetLimit(1_000), 10, "on tier gpt");

            assertThat(admission)
                    .isInstanceOfSatisfying(
                            Admission.Refused.class, r -> assertThat(r.status()).isEqualTo(503));
        }
    }

    @Nested
    class ForLocalDevelopment {
        private final BudgetGuard guard = new BudgetGuard(ledger, false);

        @Test
        void runsACallWithoutAProjectUnmetered() {
            assertThat(guard.admit(call("", Optional.empty()), 10, "on tier gpt"))
                    .isInstanceOf(Admission.Unmetered.class);
        }

        @Test
        void runsACallWithoutAKnownBudgetUnmetered() {
            assertThat(guard.admit(call("p", Optional.empty()), 10, "on tier gpt"))
                    .isInstanceOf(Admission.Unmetered.class);
        }

        @Test
        void stillHoldsTheBudgetOfAProjectWithALimit() {
            guard.admit(call("p", Optional.empty()).withBudgetLimit(100), 100, "on tier gpt");

            assertThat(guard.admit(call("p", Optional.empty()), 1, "on tier gpt"))
                    .isInstanceOf(Admission.Refused.class);
        }
    }

    private static final class BrokenLedger implements BudgetLedger {
        @Override
        public Hold reserve(
                String projectId, long amountMicros, Optional<Long> limitMicros, Optional<Long> spentAtLeastMicros) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public Balance settle(Reservation reservation, long costMicros) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public Optional<Balance> find(String projectId) {
            throw new IllegalStateException("connection refused");
        }
    }
}
