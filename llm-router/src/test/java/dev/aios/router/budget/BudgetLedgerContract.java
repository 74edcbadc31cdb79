package dev.aios.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reserve/settle arithmetic every ledger must keep; each implementation's test supplies a fresh ledger. */
abstract class BudgetLedgerContract {
    abstract BudgetLedger ledger();

    static final String PROJECT = "p-1";

    @Test
    void reservesWhatFitsUnderTheLimitAndCountsItAsHeld() {
        // when
        Hold hold = ledger().reserve(PROJECT, 400, Optional.of(1_000L), Optional.empty());

        // then
        assertThat(hold).isInstanceOfSatisfying(Hold.Reserved.class, r -> {
            assertThat(r.reservation().amountMicros()).isEqualTo(400);
            assertThat(r.after()).isEqualTo(new Balance(1_000, 0, 400));
        });
        assertThat(ledger().balance(PROJECT)).isEqualTo(new Balance(1_000, 0, 400));
    }

    @Test
    void refusesAnAmountThatDoesNotFitNextToWhatIsSpentAndHeld() {
        // given: 300 spent, 500 held
        BudgetLedger ledger = ledger();
        Hold.Reserved first = (Hold.Reserved) ledger.reserve(PROJECT, 300, Optional.of(1_000L), Optional.empty());
        ledger.settle(first.reservation(), 300);
        ledger.reserve(PROJECT, 500, Optional.empty(), Optional.empty());

        // when: 201 more would make 1001
        Hold refused = ledger.reserve(PROJECT, 201, Optional.empty(), Optional.empty());
        Hold exact = ledger.reserve(PROJECT, 200, Optional.empty(), Optional.empty());

        // then
        assertThat(refused).isInstanceOfSatisfying(Hold.OverBudget.class, o -> {
            assertThat(o.balance()).isEqualTo(new Balance(1_000, 300, 500));
            assertThat(o.amountMicros()).isEqualTo(201);
        });
        assertThat(exact).isInstanceOf(Hold.Reserved.class);
        assertThat(ledger.balance(PROJECT)).isEqualTo(new Balance(1_000, 300, 700));
    }

    @Test
    void settlingReleasesTheHoldAndChargesTheRealCost() {
        // given
        BudgetLedger ledger = ledger();
        Hold.Reserved hold = (Hold.Reserved) ledger.reserve(PROJECT, 900, Optional.of(1_000L), Optional.empty());

        // when: the call cost less than its worst case
        Balance after = ledger.settle(hold.reservation(), 250);

        // then: the difference is free again
        assertThat(after).isEqualTo(new Balance(1_000, 250, 0));
        assertThat(after.availableMicros()).isEqualTo(750);
    }

    @Test
    void releasingChargesNothing() {
        BudgetLedger ledger = ledger();
        Hold.Reserved hold = (Hold.Reserved) ledger.reserve(PROJECT, 900, Optional.of(1_000L), Optional.empty());

        Balance after = ledger.release(hold.reservation());

        assertThat(after).isEqualTo(new Balance(1_000, 0, 0));
    }

    @Test
    void settlingTwiceReleasesTheHoldOnce() {
        // given
        BudgetLedger ledger = ledger();
        Hold.Reserved a = (Hold.Reserved) ledger.reserve(PROJECT, 300, Optional.of(1_000L), Optional.empty());
        ledger.reserve(PROJECT, 200, Optional.empty(), Optional.empty());

        // when
        ledger.release(a.reservation());
        Balance after = ledger.release(a.reservation());

        // then: the other call's hold is untouched
        assertThat(after).isEqualTo(new Balance(1_000, 0, 200));
    }

    @Test
    void keepsTheHighestLimitItWasTold() {
        // given
        BudgetLedger ledger = ledger();
        ledger.reserve(PROJECT, 0, Optional.of(1_000L), Optional.empty());

        // when: a budget raise reaches it with the next call, and an old call still names the old limit
        ledger.reserve(PROJECT, 0, Optional.of(5_000L), Optional.empty());
        ledger.reserve(PROJECT, 0, Optional.of(1_000L), Optional.empty());

        // then
        assertThat(ledger.balance(PROJECT).limitMicros()).isEqualTo(5_000);
    }

    @Test
    void aCallThatNamesNoLimitUsesTheOneHeld() {
        BudgetLedger ledger = ledger();
        ledger.reserve(PROJECT, 0, Optional.of(1_000L), Optional.empty());

        assertThat(ledger.reserve(PROJECT, 1_001, Optional.empty(), Optional.empty()))
                .isInstanceOf(Hold.OverBudget.class);
        assertThat(ledger.reserve(PROJECT, 1_000, Optional.empty(), Optional.empty()))
                .isInstanceOf(Hold.Reserved.class);
    }

    @Test
    void knowsNoLimitForAProjectNoCallNamedOneFor() {
        Hold hold = ledger().reserve("never-limited", 10, Optional.empty(), Optional.empty());

        assertThat(hold).isInstanceOf(Hold.NoLimit.class);
        assertThat(ledger().balance("never-limited").limitMicros()).isEqualTo(Balance.NO_LIMIT);
    }

    @Test
    void raisesItsSpendToWhatTheCallerKnowsWasSpentButNeverLowersIt() {
        // given: the ledger lost its state; the orchestrator had charged 700
        BudgetLedger ledger = ledger();
        ledger.reserve(PROJECT, 0, Optional.of(1_000L), Optional.of(700L));

        // when
        Hold tooMuch = ledger.reserve(PROJECT, 301, Optional.empty(), Optional.of(100L));

        // then
        assertThat(tooMuch).isInstanceOf(Hold.OverBudget.class);
        assertThat(ledger.balance(PROJECT).spentMicros()).isEqualTo(700);
    }

    @Test
    void findsNothingForAProjectNoCallWasMeteredFor() {
        // given: a call that named no limit, so nothing was held
        BudgetLedger ledger = ledger();
        ledger.reserve("never-limited", 10, Optional.empty(), Optional.empty());

        // then
        assertThat(ledger.find("never-limited")).isEmpty();
        assertThat(ledger.find("never-called")).isEmpty();
    }

    @Test
    void findsWhatIsSpentAndWhatRunningCallsHold() {
        // given: 300 spent, 500 held by a running call
        BudgetLedger ledger = ledger();
        Hold.Reserved first = (Hold.Reserved) ledger.reserve(PROJECT, 300, Optional.of(1_000L), Optional.empty());
        ledger.settle(first.reservation(), 300);
        ledger.reserve(PROJECT, 500, Optional.empty(), Optional.empty());

        // then
        assertThat(ledger.find(PROJECT)).contains(new Balance(1_000, 300, 500));
    }

    @Test
    void keepsProjectsApart() {
        BudgetLedger ledger = ledger();
        ledger.reserve("a", 1_000, Optional.of(1_000L), Optional.empty());

        assertThat(ledger.reserve("b", 1_000, Optional.of(1_000L), Optional.empty()))
                .isInstanceOf(Hold.Reserved.class);
    }
}
