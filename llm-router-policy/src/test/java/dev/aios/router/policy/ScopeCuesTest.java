package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.policy.ScopeCues.Kind;
import org.junit.jupiter.api.Test;

class ScopeCuesTest {

    private static ScopeCues.Found scan(String text) {
        return ScopeCues.scan(text, 0, text.length());
    }

    @Test
    void findsDesignWordsAndPhrasesWhateverTheirCase() {
        ScopeCues.Found found =
                scan("Propose a System Design for a multi-tenant service with Event Sourcing and sharding.");

        assertThat(found.count(Kind.DESIGN)).isEqualTo(4);
        assertThat(found.examples(Kind.DESIGN)).containsExactly("system design", "multi tenant", "event sourcing");
    }

    @Test
    void findsHardDebuggingCuesIncludingThreeWordPhrases() {
        ScopeCues.Found found = scan("It fails only in production, intermittently: a race condition?");

        assertThat(found.count(Kind.HARD_DEBUGGING)).isEqualTo(3);
        assertThat(found.examples(Kind.HARD_DEBUGGING))
                .containsExactly("only in production", "intermittently", "race condition");
    }

    @Test
    void findsSmallChangesAndCountsRepeatsButListsEachCueOnce() {
        ScopeCues.Found found = scan("Fix a typo, another typo, and rename the constant.");

        assertThat(found.count(Kind.SMALL_CHANGE)).isEqualTo(3);
        assertThat(found.examples(Kind.SMALL_CHANGE)).containsExactly("typo", "rename");
    }

    @Test
    void designAsAVerbIsShownWithoutItsArticle() {
        ScopeCues.Found found = scan("Design the schema, then design an API.");

        assertThat(found.count(Kind.DESIGN)).isEqualTo(2);
        assertThat(found.examples(Kind.DESIGN)).containsExactly("design");
    }

    @Test
    void anOrdinaryBugReportHasNoCue() {
        ScopeCues.Found found =
                scan("The legend shows the wrong colour when the plot has two axes. Expected blue, got red.");

        for (Kind kind : Kind.values()) {
            assertThat(found.count(kind)).as(kind.name()).isZero();
        }
    }
}
