package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskFeaturesTest {

    private static double feature(Requests request, String name) {
        return TaskFeatures.extract(request.build())[TaskFeatures.NAMES.indexOf(name)];
    }

    private static double feature(String prompt, String name) {
        return feature(Requests.prompt(prompt), name);
    }

    @Test
    void requestSignalsOfAPromptAloneAreNeutral() {
        // given a request that carries only a prompt
        double[] x = TaskFeatures.extract(Requests.prompt("hello").build());

        // then every request-level signal is zero
        for (String name : TaskFeatures.REQUEST_SIGNALS) {
            assertThat(x[TaskFeatures.NAMES.indexOf(name)]).as(name).isZero();
        }
        assertThat(x).hasSize(TaskFeatures.SIZE);
    }

    @Test
    void taskLengthGrowsWithTheTextAndCountsAllOfItWhileScansReadABoundedPrefix() {
        // given a cue placed beyond the scanned prefix
        String prompt = "a ".repeat(TaskFeatures.MAX_SCANNED_CHARS) + " deadlock";

        // then it is not seen, while the length still counts every character
        assertThat(feature(prompt, "hard_debugging")).isZero();
        assertThat(feature(prompt, "task_tokens")).isEqualTo(Math.log1p(prompt.length() / 4.0));
        assertThat(feature("a".repeat(4000), "task_tokens")).isGreaterThan(feature("a".repeat(40), "task_tokens"));
    }

    @Test
    void readsScopeCuesAsLogCounts() {
        assertThat(feature("Find the deadlock; it hangs intermittently", "hard_debugging"))
                .isEqualTo(Math.log1p(3));
        assertThat(feature("Rename the field", "small_change")).isEqualTo(Math.log1p(1));
        assertThat(feature("Rename the field", "design_scope")).isZero();
    }

    @Nested
    class TaskBriefings {
        private final String briefing = TaskTextTest.BRIEFING;

        @Test
        void readsTheTaskNotTheBriefOrTheFiles() {
            // the brief says "distributed architecture" and the files hold code; the task's title and text say rename
            assertThat(feature(briefing, "design_scope")).isZero();
            assertThat(feature(briefing, "small_change")).isEqualTo(Math.log1p(2));
            assertThat(feature(briefing, "code_lines")).isZero();
        }

        @Test
        void countsCriteriaDependenciesAndContextAroundATypicalTask() {
            // two criteria, three dependencies: (2+1)/4 and (3+1)/2 on a log2 scale; a small context is below 4k tokens
            assertThat(feature(briefing, "acceptance_criteria")).isEqualTo(Math.log(3.0 / 4) / Math.log(2));
            assertThat(feature(briefing, "dependencies")).isEqualTo(1.0);
            assertThat(feature(briefing, "context_tokens")).isNegative();
        }

        @Test
        void describesWhatEachSignalSaw() {
            TaskFeatures.Signals signals = TaskFeatures.signals(Requests.prompt(briefing)
                    .points(8)
                    .hint("HIGH")
                    .kind("planning")
                    .build());

            assertThat(describe(signals, "small_change")).isEqualTo("small-change cues: 'rename' (2 in all)");
            assertThat(describe(signals, "design_scope")).isEqualTo("no design scope");
            assertThat(describe(signals, "acceptance_criteria")).isEqualTo("2 acceptance criteria");
            assertThat(describe(signals, "dependencies")).isEqualTo("3 dependencies");
            assertThat(describe(signals, "estimate_points")).isEqualTo("estimate 8 points");
            assertThat(describe(signals, "complexity_hint")).isEqualTo("complexity hint 'high'");
            assertThat(describe(signals, "task_reasoning")).isEqualTo("task kind 'planning'");
            assertThat(describe(signals, "task_tokens")).matches("task text of \\d+ tokens");
        }

        private static String describe(TaskFeatures.Signals signals, String name) {
            return signals.describe(TaskFeatures.NAMES.indexOf(name));
        }
    }

    @Nested
    class RequestSignals {
        @ParameterizedTest
        @CsvSource({
            "LOW,-1",
            "COMPLEXITY_LOW,-1",
            "easy,-1",
            "medium,0",
            "HIGH,1",
            "complexity_high,1",
            "hard,1",
            "'',0",
            "whatever,0"
        })
        void readsTheComplexityHint(String hint, double level) {
            assertThat(TaskFeatures.hintLevel(hint)).isEqualTo(level);
        }

        @Test
        void codeAndDefectFixesAreTheReferenceKindsPlanningIsHarderDocsLighter() {
            for (String kind : new String[] {"code", "tests", "infra", "defect_fix"}) {
                assertThat(feature(Requests.prompt("x").kind(kind), "task_reasoning")
                                + feature(Requests.prompt("x").kind(kind), "task_light"))
                        .as(kind)
                        .isZero();
            }
            assertThat(feature(Requests.prompt("x").kind("planning"), "task_reasoning"))
                    .isEqualTo(1);
            assertThat(feature(Requests.prompt("x").kind("DOCS"), "task_light")).isEqualTo(1);
            assertThat(feature(Requests.prompt("x").role(" CTO "), "role_cto")).isEqualTo(1);
        }

        @Test
        void estimatesAndOutputSizeAreLogScaledAroundTypicalValues() {
            assertThat(feature(Requests.prompt("x").points(3), "estimate_points"))
                    .isZero();
            assertThat(feature(Requests.prompt("x").points(12), "estimate_points"))
                    .isEqualTo(2);
            assertThat(feature(Requests.prompt("x").outputTokens(2048), "expected_output"))
                    .isEqualTo(1);
            assertThat(feature(Requests.prompt("x").files(3), "files_involved")).isEqualTo(Math.log1p(3));
        }
    }
}
