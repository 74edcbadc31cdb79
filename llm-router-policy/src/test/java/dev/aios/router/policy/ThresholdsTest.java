package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {

    @ParameterizedTest
    @CsvSource({"0.5,0.2", "0.3,0.1", "0.8,0.8", "1.0,0.0", "0.0,0.0"})
    void calibratedThresholdsGiveTheTargetSharesOnTheCalibrationData(double strong, double claude) {
        // given 1,000 distinct calibration scores
        Random random = new Random(7);
        double[] scores = new double[1000];
        Arrays.setAll(scores, i -> random.nextDouble());
        double[] weights = new double[1000];
        Arrays.fill(weights, 1);

        // when
        Thresholds t = Thresholds.calibrate(scores, weights, strong, claude);

        // then
        assertThat(share(scores, s -> t.tierFor(s) != Tier.LOCAL))
                .isCloseTo(strong, org.assertj.core.data.Offset.offset(0.001));
        assertThat(share(scores, s -> t.tierFor(s) == Tier.CLAUDE))
                .isCloseTo(claude, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void weightsCountTowardsTheShare() {
        // given the top score carries half the weight
        double[] scores = {0.9, 0.5, 0.4, 0.1};
        double[] weights = {3, 1, 1, 1};

        // when half the weight should go strong
        Thresholds t = Thresholds.calibrate(scores, weights, 0.5, 0.5);

        // then only the top score passes, cut mid-way to its neighbour
        assertThat(t.gpt()).isEqualTo(0.7);
        assertThat(t.tierFor(0.9)).isEqualTo(Tier.CLAUDE);
        assertThat(t.tierFor(0.5)).isEqualTo(Tier.LOCAL);
    }

    @Test
    void budgetAffordsALinearShareBetweenTheCosts() {
        assertThat(Thresholds.shareForBudget(30, 10, 50)).isEqualTo(0.5);
        assertThat(Thresholds.shareForBudget(5, 10, 50)).isZero();
        assertThat(Thresholds.shareForBudget(80, 10, 50)).isEqualTo(1);
    }

    @Test
    void rejectsInvertedThresholdsAndShares() {
        assertThatThrownBy(() -> new Thresholds(0.9, 0.1)).hasMessageContaining("gpt <= claude");
        assertThatThrownBy(() -> Thresholds.calibrate(new double[] {1}, new double[] {1}, 0.2, 0.5))
                .hasMessageContaining("0 <= claude <= strong <= 1");
    }

    private static double share(double[] scores, java.util.function.DoublePredicate p) {
        return (double) Arrays.stream(scores).filter(p).count() / scores.length;
    }
}
