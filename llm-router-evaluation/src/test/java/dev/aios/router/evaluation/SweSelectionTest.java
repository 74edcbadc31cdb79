package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweSelectionTest {

    @Test
    void rankCorrelationGivesTiesTheirAverageRank() {
        assertThat(SweSelection.ranks(new double[] {3, 1, 3, 2})).containsExactly(2.5, 0, 2.5, 1);
        assertThat(SweSelection.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 40}))
                .isEqualTo(1.0);
        assertThat(SweSelection.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}))
                .isEqualTo(-1.0);
        assertThat(SweSelection.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
                .isZero();
    }

    @Test
    void picksTheSimplestShippableFamilyWithinOneStandardErrorOfTheBest() {
        // given 103 calibration issues: one standard error is 0.1
        List<SweSelection.Candidate> candidates = List.of(
                candidate("length only", 0.1, true, 0.05),
                candidate("length only", 1.0, true, 0.07),
                candidate("all text signals", 0.01, true, 0.16),
                candidate("MiniLM embedding", 0.01, false, 0.40));

        // then the embedding cannot ship, "all text signals" is best, and length only is within 0.1 of it at its best
        // lambda
        SweSelection.Candidate chosen = SweSelection.select(candidates, 103);
        assertThat(chosen.family()).isEqualTo("length only");
        assertThat(chosen.lambda()).isEqualTo(1.0);
        assertThat(SweSelection.standardError(103)).isEqualTo(0.1);
    }

    @Test
    void keepsTheBetterFamilyWhenTheSimplerOneIsFurtherThanOneStandardErrorBehind() {
        List<SweSelection.Candidate> candidates =
                List.of(candidate("length only", 0.1, true, 0.02), candidate("all text signals", 0.01, true, 0.2));

        assertThat(SweSelection.select(candidates, 103).family()).isEqualTo("all text signals");
    }

    private static SweSelection.Candidate candidate(
            String family, double lambda, boolean shippable, double repositoryRho) {
        Map<String, Double> calibration = new LinkedHashMap<>();
        calibration.put("random", 0.0);
        calibration.put("repository", repositoryRho);
        SweScorer scorer = new SweScorer(family, shippable, t -> 0, Optional.empty());
        return new SweSelection.Candidate(
                family, lambda, shippable, Map.of("random", scorer, "repository", scorer), calibration);
    }
}
