package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void dropsTheContaminatedPromptsAndCountsThem() throws Exception {
        // given ten prompts per dataset, the first of each listed as contaminated
        Datasets datasets = new Datasets(EvalFixture.write(dir, 10));

        // then
        for (Dataset d : java.util.List.of(datasets.gsm8k(), datasets.mmlu(), datasets.mtBench())) {
            assertThat(d.loaded()).as(d.name()).isEqualTo(10);
            assertThat(d.contaminated()).as(d.name()).isEqualTo(1);
            assertThat(d.outcomes()).as(d.name()).hasSize(9).noneMatch(o -> o.id().endsWith("/0"));
        }
    }

    @Test
    void readsMultiLineQuotedResponsesWithoutLosingRows() throws Exception {
        Dataset gsm8k = new Datasets(EvalFixture.write(dir, 10)).gsm8k();

        assertThat(gsm8k.outcomes().getFirst().request().prompt()).startsWith("Question 1, how many apples");
        assertThat(gsm8k.outcomes()).allMatch(o -> o.weak() == 0 || o.weak() == 1);
    }

    @Test
    void scoresMtBenchByTheMeanOverBothTurnsAndRoutesOnTheFirst() throws Exception {
        Dataset mtBench = new Datasets(EvalFixture.write(dir, 10)).mtBench();

        Outcome first = mtBench.outcomes().getFirst();
        assertThat(first.request().prompt()).startsWith("Explain topic 1").doesNotContain("And why?");
        assertThat(first.weak()).isIn(8.0, 4.0);
        assertThat(first.strong()).isIn(9.0, 5.0);
    }

    @Test
    void keepsOnlyLiveCodeBenchProblemsAfterTheCutoffWithDifficultyAsTheHint() throws Exception {
        Dataset lcb = new Datasets(EvalFixture.write(dir, 12)).liveCodeBench();

        // every fourth problem is dated 2024-01-15, before Codestral's release
        assertThat(lcb.outcomes()).hasSize(9);
        assertThat(lcb.outcomes())
                .allMatch(o ->
                        o.request().prompt().isEmpty() && o.request().taskKind().equals("code"));
        assertThat(lcb.outcomes().getFirst().request().complexityHint()).isEqualTo("medium");
        assertThat(lcb.outcomes().getFirst().strong()).isEqualTo(1.0);
    }
}
