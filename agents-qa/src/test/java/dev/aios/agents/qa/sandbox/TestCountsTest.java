package dev.aios.agents.qa.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agents.qa.sandbox.TestCommand.Framework;
import org.junit.jupiter.api.Test;

class TestCountsTest {
    @Test
    void readsUnittestSummaries() {
        assertThat(TestCounts.parse(Framework.UNITTEST, "...\nRan 12 tests in 0.4s\n\nOK\n"))
                .isEqualTo(new TestCounts(12, 0));
        assertThat(TestCounts.parse(Framework.UNITTEST, "Ran 5 tests in 1s\n\nFAILED (failures=2, errors=1)\n"))
                .isEqualTo(new TestCounts(5, 3));
    }

    @Test
    void readsPytestSummaries() {
        assertThat(TestCounts.parse(Framework.PYTEST, "==== 3 failed, 9 passed in 0.52s ===="))
                .isEqualTo(new TestCounts(12, 3));
    }

    @Test
    void readsTheSurefireTotal() {
        String output = """
                Tests run: 2, Failures: 0, Errors: 0, Skipped: 0 -- in a.ATest
                Tests run: 3, Failures: 1, Errors: 1, Skipped: 0 -- in a.BTest
                Tests run: 5, Failures: 1, Errors: 1, Skipped: 0
                """;
        assertThat(TestCounts.parse(Framework.MAVEN, output)).isEqualTo(new TestCounts(5, 2));
    }

    @Test
    void outputWithoutASummaryIsUnknown() {
        assertThat(TestCounts.parse(Framework.UNITTEST, "Traceback: SyntaxError"))
                .isEqualTo(new TestCounts(-1, -1));
    }
}
