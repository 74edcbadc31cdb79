package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseLogisticRegressionTest {

    @Test
    void reachesTheSameOptimumAsNewtonsMethod() {
        // given 3,000 weighted rows over four columns, the last an unpenalised group indicator
        Random random = new Random(3);
        int n = 3000;
        double[][] dense = new double[n][4];
        double[] y = new double[n], weights = new double[n];
        int[][] columns = new int[n][];
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            dense[i][0] = random.nextGaussian();
            dense[i][1] = random.nextDouble() < 0.1 ? 1 : 0;
            dense[i][2] = random.nextGaussian() * 0.3;
            dense[i][3] = i % 3 == 0 ? 1 : 0;
            double z = -0.3 + 1.5 * dense[i][0] - 2 * dense[i][1] + 0.5 * dense[i][2] + 1.0 * dense[i][3];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            weights[i] = i % 3 == 0 ? 2 : 1;
            // the sparse form leaves out the zeros
            int m = 0;
            int[] c = new int[4];
            double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                if (dense[i][k] != 0) {
                    c[m] = k;
                    v[m++] = dense[i][k];
                }
            }
            columns[i] = java.util.Arrays.copyOf(c, m);
            values[i] = java.util.Arrays.copyOf(v, m);
        }
        boolean[] unpenalised = {false, false, false, true};

        // when both fit with the same penalty
        double[] newton = LogisticRegression.fit(dense, y, weights, 0.01, new boolean[4], unpenalised);
        double[] lbfgs = SparseLogisticRegression.fit(
                new SparseLogisticRegression.Rows(columns, values, 4), y, weights, 0.01, unpenalised, 1e-9);

        // then they agree
        for (int k = 0; k < newton.length; k++) {
            assertThat(lbfgs[k]).as("coefficient %d", k).isCloseTo(newton[k], within(1e-5));
        }
    }

    @Test
    void theGradientIsTheDerivativeOfTheLoss() {
        // given a small problem and an arbitrary point
        int[][] columns = {{0, 2}, {1}, {0, 1, 2}, {}};
        double[][] values = {{1.0, 0.5}, {2.0}, {-1.0, 0.3, 0.7}, {}};
        var rows = new SparseLogisticRegression.Rows(columns, values, 3);
        double[] y = {1, 0, 1, 0}, w = {0.1, 0.2, 0.3, 0.4};
        boolean[] unpenalised = {false, true, false};
        double[] beta = {0.2, -0.4, 0.9, 0.1};
        double[] gradient = new double[4];

        double loss =
                SparseLogisticRegression.evaluate(rows, y, w, new double[y.length], 0.5, unpenalised, beta, gradient);

        // then each component matches a central difference
        for (int k = 0; k < beta.length; k++) {
            double[] up = beta.clone(), down = beta.clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            double numeric = (SparseLogisticRegression.evaluate(
                                    rows, y, w, new double[y.length], 0.5, unpenalised, up, new double[4])
                            - SparseLogisticRegression.evaluate(
                                    rows, y, w, new double[y.length], 0.5, unpenalised, down, new double[4]))
                    / 2e-6;
            assertThat(gradient[k]).as("d/dβ%d", k).isCloseTo(numeric, within(1e-7));
        }
        assertThat(loss).isPositive();
    }
}
