package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoutingCurveTest {

    // three prompts: only the first gains from the strong model (weak 0 -> strong 1); gap = 1 of 3 prompts
    private final double[] weak = {0, 1, 0};
    private final double[] strong = {1, 1, 0};

    @Test
    void aRouterThatRanksTheGainFirstRecoversTheGapAtOneThird() {
        // curve (0,0) (1/3,1) (2/3,1) (1,1): area = 1/6 + 1/3 + 1/3 = 5/6
        RoutingCurve curve = RoutingCurve.of(new double[] {0.9, 0.5, 0.1}, weak, strong);

        assertThat(curve.apgr()).isCloseTo(5.0 / 6, within(1e-12));
        assertThat(curve.cpt(0.5)).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(curve.cpt(0.8)).isCloseTo(0.8 / 3, within(1e-12));
        assertThat(curve.pgrAt(1.0 / 6)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aRouterThatRanksTheGainLastRecoversItOnlyAtTheEnd() {
        // curve (0,0) (1/3,0) (2/3,0) (1,1): area = 1/6; PGR 0.5 at 2/3 + 1/6
        RoutingCurve curve = RoutingCurve.of(new double[] {0.1, 0.5, 0.9}, weak, strong);

        assertThat(curve.apgr()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(curve.cpt(0.5)).isCloseTo(5.0 / 6, within(1e-12));
    }

    @Test
    void tiedScoresGiveTheRandomDiagonal() {
        RoutingCurve curve = RoutingCurve.of(new double[] {0.3, 0.3, 0.3}, weak, strong);

        assertThat(curve.apgr()).isCloseTo(0.5, within(1e-12));
        assertThat(curve.cpt(0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(curve.cpt(0.8)).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void anOracleCanRecoverMoreThanTheWholeGap() {
        // the weak model wins on prompt 2: routing it weak while routing prompt 1 strong beats always-strong
        double[] w = {0, 1}, s = {1, 0.5};
        RoutingCurve curve = RoutingCurve.of(new double[] {1, -0.5}, w, s);

        // gap = 0.5; after prompt 1: recovered 1 -> PGR 2; after both: PGR 1; area = 0.5·2/2 + 0.5·(2+1)/2 = 1.25
        assertThat(curve.apgr()).isCloseTo(1.25, within(1e-12));
        assertThat(curve.cpt(1.0)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void resampleCountsWeighPrompts() {
        // prompt 0 drawn twice, prompt 1 once, prompt 2 never: (0,0) (2/3,1) (1,1) -> area 1/3 + 1/3
        int[] counts = {2, 1, 0};
        double[] scores = {0.9, 0.5, 0.1};

        RoutingCurve curve = RoutingCurve.of(RoutingCurve.descending(scores), scores, weak, strong, counts);

        assertThat(curve.apgr()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void noCurveWhenTheStrongModelIsNotBetter() {
        assertThat(RoutingCurve.of(new double[] {1, 2}, new double[] {1, 1}, new double[] {1, 0}))
                .isNull();
    }

    @Test
    void cptIsInfiniteWhenTheTargetIsNeverReached() {
        RoutingCurve curve = RoutingCurve.of(new double[] {0.9, 0.5, 0.1}, weak, strong);

        assertThat(curve.cpt(1.5)).isInfinite();
    }

    @Test
    void percentileUsesTheNearestRank() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        assertThat(Bootstrap.percentile(values, 0.025)).isEqualTo(3);
        assertThat(Bootstrap.percentile(values, 0.975)).isEqualTo(98);
    }

    @Test
    void resamplesAreReproducibleAndKeepTheSampleSize() {
        int[][] a = Bootstrap.resamples(50, 3, 9);
        int[][] b = Bootstrap.resamples(50, 3, 9);

        assertThat(a).isDeepEqualTo(b);
        assertThat(java.util.Arrays.stream(a[0]).sum()).isEqualTo(50);
    }
}
