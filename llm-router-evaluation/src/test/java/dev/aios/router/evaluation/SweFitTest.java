package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.TaskFeatures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweFitTest {

    @TempDir
    Path dir;

    @Test
    void findsThatLongerIssuesAreHarderAndKeepsEveryOtherWeightAtItsPrior() throws Exception {
        // given issues whose difficulty grows with their length
        List<SweTask> tasks = SweBench.load(SweFixture.write(dir, 120));

        // when
        ComplexityModel model = new SweFit().model("v", tasks, List.of("task_tokens"), 0.01, "p", "l");

        // then
        assertThat(model.weights()[0]).isPositive();
        assertThat(model.source(0)).isEqualTo("fitted");
        for (int k = 1; k < TaskFeatures.SIZE; k++) {
            assertThat(model.weights()[k])
                    .as(TaskFeatures.NAMES.get(k))
                    .isEqualTo(Priors.weight(TaskFeatures.NAMES.get(k)));
        }
        assertThat(model.source(TaskFeatures.NAMES.indexOf("design_scope"))).isEqualTo("prior");
        assertThat(model.source(TaskFeatures.NAMES.indexOf("links"))).isEqualTo("unused");
    }

    @Test
    void theComparisonScorersRankLongIssuesAboveShortOnes() throws Exception {
        List<SweTask> tasks = SweBench.load(SweFixture.write(dir, 120));
        SweFit fit = new SweFit();

        SweScorer ngrams = fit.ngrams(tasks, 0.001);

        double[] scores = ngrams.scores(tasks);
        double[] difficulty = tasks.stream().mapToDouble(SweTask::difficulty).toArray();
        assertThat(SweSelection.spearman(scores, difficulty)).isPositive();
        assertThat(ngrams.shippable()).isFalse();
    }
}
