package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestFeaturesTest {

    private static double feature(Requests request, String name) {
        return RequestFeatures.extract(request.build())[RequestFeatures.NAMES.indexOf(name)];
    }

    private static double feature(String prompt, String name) {
        return feature(Requests.prompt(prompt), name);
    }

    @Test
    void neutralRequestSignalsContributeNothing() {
        // given a request that carries only a prompt
        double[] x = RequestFeatures.extract(Requests.prompt("hello").build());

        // then every request-level signal is zero
        for (String name : RequestFeatures.REQUEST_SIGNALS) {
            assertThat(x[RequestFeatures.NAMES.indexOf(name)]).as(name).isZero();
        }
        assertThat(x).hasSize(RequestFeatures.SIZE);
    }

    @Test
    void promptLengthGrowsWithTheText() {
        assertThat(feature("a".repeat(4000), "prompt_tokens")).isGreaterThan(feature("a".repeat(40), "prompt_tokens"));
        assertThat(feature("", "prompt_tokens")).isZero();
    }

    @Test
    void readsTextSignalsFromABoundedPrefixButLengthFromAllOfIt() {
        // given a cue word placed beyond the scanned prefix
        String prompt = "a ".repeat(RequestFeatures.MAX_SCANNED_CHARS) + " prove it";

        // then it is not seen, while the length still counts every character
        assertThat(feature(prompt, "reasoning_phrases")).isZero();
        assertThat(feature(prompt, "prompt_tokens")).isEqualTo(Math.log1p(prompt.length() / 4.0));
    }

    @Nested
    class MathSignals {
        @Test
        void detectsEquationsDigitsAndOperators() {
            String prompt = "If x = 3 and 4 * 5 + 2 = y, calculate how many apples remain?";
            assertThat(feature(prompt, "equation")).isEqualTo(1);
            assertThat(feature(prompt, "digit_ratio")).isGreaterThan(0);
            assertThat(feature(prompt, "math_operators")).isEqualTo(Math.log1p(4));
            assertThat(feature(prompt, "math_phrases")).isEqualTo(Math.log1p(2));
        }

        @Test
        void detectsLatex() {
            assertThat(feature("Evaluate \\frac{1}{2} + \\sqrt{2}", "latex")).isEqualTo(1);
            assertThat(feature("Evaluate one half", "latex")).isZero();
        }

        @Test
        void plainProseHasNoMathSignal() {
            String prompt = "Describe your favourite season";
            assertThat(feature(prompt, "equation")).isZero();
            assertThat(feature(prompt, "math_phrases")).isZero();
            assertThat(feature(prompt, "digit_ratio")).isZero();
        }
    }

    @Nested
    class CodeSignals {
        @Test
        void detectsFencesKeywordsAndFiles() {
            String prompt = "Fix src/Main.java and app.py:\n```java\npublic void run() { return; }\n```";
            assertThat(feature(prompt, "code_fence")).isEqualTo(1);
            assertThat(feature(prompt, "code_keywords")).isGreaterThanOrEqualTo(Math.log1p(3));
            assertThat(feature(prompt, "file_extensions")).isEqualTo(Math.log1p(2));
        }

        @Test
        void detectsStackTraces() {
            assertThat(feature("Traceback (most recent call last):\n  File \"x.py\"", "stack_trace")).isEqualTo(1);
            assertThat(feature("java.lang.IllegalStateException: boom\n    at dev.aios.Foo.bar(Foo.java:12)", "stack_trace"))
                    .isEqualTo(1);
            assertThat(feature("The trace of a matrix", "stack_trace")).isZero();
        }
    }

    @Nested
    class ReasoningSignals {
        @Test
        void countsReasoningPhrasesAndQuestions() {
            String prompt = "Explain why this design works, compare the trade-off, and prove it step by step. Why? How?";
            assertThat(feature(prompt, "reasoning_phrases")).isGreaterThanOrEqualTo(Math.log1p(6));
            assertThat(feature(prompt, "question_marks")).isEqualTo(Math.log1p(2));
        }

        @Test
        void matchesCueWordsNotFragmentsOfOtherWords() {
            // "improve" contains "prove" and "whyever" contains "why": neither is a reasoning cue
            assertThat(feature("Improve the whyever module", "reasoning_phrases")).isZero();
            assertThat(feature("Analysing designs", "reasoning_phrases")).isEqualTo(Math.log1p(2));
        }

        @Test
        void countsEnumeratedParts() {
            assertThat(feature("Do this:\n1. parse\n2. validate\n3. store", "multi_part")).isEqualTo(Math.log1p(3));
        }

        @Test
        void countsMultipleChoiceOptions() {
            assertThat(feature("Pick one\nA. red\nB. blue\nC. green\nD. none", "choice_options")).isEqualTo(Math.log1p(4));
        }

        @Test
        void detectsWritingTasks() {
            assertThat(feature("Compose a poem about the sea", "writing_phrases")).isEqualTo(Math.log1p(2));
        }
    }

    @Nested
    class RequestSignals {
        @ParameterizedTest
        @CsvSource({"LOW,-1", "COMPLEXITY_LOW,-1", "easy,-1", "medium,0", "HIGH,1", "complexity_high,1", "hard,1", "'',0", "weird,0"})
        void mapsComplexityHints(String hint, double level) {
            assertThat(feature(Requests.prompt("x").hint(hint), "complexity_hint")).isEqualTo(level);
        }

        @Test
        void centresEstimateAndOutputSoThatTypicalValuesAreZero() {
            assertThat(feature(Requests.prompt("x").points(3), "estimate_points")).isZero();
            assertThat(feature(Requests.prompt("x").points(12), "estimate_points")).isEqualTo(2);
            assertThat(feature(Requests.prompt("x").outputTokens(1024), "expected_output")).isZero();
            assertThat(feature(Requests.prompt("x").outputTokens(4096), "expected_output")).isEqualTo(2);
            assertThat(feature(Requests.prompt("x").files(3), "files_involved")).isEqualTo(Math.log1p(3));
        }

        @Test
        void recognisesRoleAndTaskKind() {
            assertThat(feature(Requests.prompt("x").role("CTO"), "role_cto")).isEqualTo(1);
            assertThat(feature(Requests.prompt("x").kind("SPRINT_REVIEW"), "task_reasoning")).isEqualTo(1);
            assertThat(feature(Requests.prompt("x").kind("code"), "task_code")).isEqualTo(1);
            assertThat(feature(Requests.prompt("x").kind("docs"), "task_light")).isEqualTo(1);
            assertThat(feature(Requests.prompt("x").kind("docs"), "task_code")).isZero();
        }
    }
}
