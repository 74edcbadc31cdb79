package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void recoversTheCoefficientsThatGeneratedTheLabels() {
        // given 20,000 rows drawn from P(y=1) = sigmoid(-0.5 + 2·x1 - 1·x2)
        Random random = new Random(1);
        int n = 20_000;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian();
            x[i][1] = random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(-0.5 + 2 * x[i][0] - x[i][1])));
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        double[] weights = new double[n];
        Arrays.fill(weights, 1);

        // when fitted with a negligible penalty
        double[] beta = LogisticRegression.fit(x, y, weights, 1e-6, new boolean[2]);

        // then
        assertThat(beta[0]).isCloseTo(-0.5, within(0.1));
        assertThat(beta[1]).isCloseTo(2, within(0.1));
        assertThat(beta[2]).isCloseTo(-1, within(0.1));
    }

    @Test
    void frozenColumnsKeepAZeroWeight() {
        double[][] x = {{1, 5}, {-1, 5}, {2, 5}, {-2, 5}};
        double[] y = {1, 0, 1, 0};

        double[] beta = LogisticRegression.fit(x, y, new double[] {1, 1, 1, 1}, 0.1, new boolean[] {false, true});

        assertThat(beta[2]).isZero();
        assertThat(beta[1]).isPositive();
    }

    @Test
    void unpenalisedColumnsKeepTheirFullEffectUnderAHeavyPenalty() {
        // given a group column that fully decides the label, except one row per group
        double[][] x = new double[200][1];
        double[] y = new double[200];
        for (int i = 0; i < 200; i++) {
            x[i][0] = i < 100 ? 1 : 0;
            y[i] = (i < 100) == (i % 100 != 0) ? 1 : 0;
        }
        double[] weights = new double[200];
        Arrays.fill(weights, 1);

        // when fitted with a penalty that would crush a penalised weight
        double[] penalised = LogisticRegression.fit(x, y, weights, 10, new boolean[1]);
        double[] free = LogisticRegression.fit(x, y, weights, 10, new boolean[1], new boolean[] {true});

        // then only the unpenalised column reaches the log-odds gap of 99:1 vs 1:99 (about 9.2)
        assertThat(free[1]).isCloseTo(2 * Math.log(99), within(0.01));
        assertThat(penalised[1]).isLessThan(1);
    }

    @Test
    void solvesALinearSystem() {
        double[] solution = LogisticRegression.solve(new double[][] {{2, 1}, {1, 3}}, new double[] {3, 5});

        assertThat(solution[0]).isCloseTo(0.8, within(1e-12));
        assertThat(solution[1]).isCloseTo(1.4, within(1e-12));
    }

    @Test
    void fitsSharesAsLabelsAndLeavesAFixedOffsetOutOfTheIntercept() {
        // given four rows with no feature, a label share of 0.3 each and an offset of 2 on every logit
        double[][] x = {{0}, {0}, {0}, {0}};
        double[] y = {0.3, 0.3, 0.3, 0.3};
        double[] offset = {2, 2, 2, 2};

        // when
        double[] beta = LogisticRegression.fit(
                x, y, new double[] {1, 1, 1, 1}, offset, 0.1, new boolean[] {true}, new boolean[1]);

        // then sigmoid(intercept + 2) = 0.3
        assertThat(beta[0] + 2).isCloseTo(Math.log(0.3 / 0.7), org.assertj.core.data.Offset.offset(1e-6));
    }
}
