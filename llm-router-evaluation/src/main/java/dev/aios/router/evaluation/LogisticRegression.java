package dev.aios.router.evaluation;

import java.util.Arrays;

/**
 * Weighted L2-regularised logistic regression fitted by Newton's method on standardised features. Small and
 * exact: a couple of dozen features and a few thousand rows converge in well under a second.
 */
final class LogisticRegression {
    private static final int MAX_ITERATIONS = 50;

    private LogisticRegression() {}

    /**
     * Coefficients {@code [intercept, w1..wp]} minimising Σ wᵢ·logloss / Σ wᵢ + λ/2·|w|² (the intercept is not
     * penalised). Columns flagged in {@code frozen} keep a zero weight.
     */
    static double[] fit(double[][] x, double[] y, double[] weights, double lambda, boolean[] frozen) {
        return fit(x, y, weights, lambda, frozen, new boolean[frozen.length]);
    }

    /** As above, but columns flagged in {@code unpenalised} (like per-group intercepts) carry no L2 penalty. */
    static double[] fit(
            double[][] x, double[] y, double[] weights, double lambda, boolean[] frozen, boolean[] unpenalised) {
        return fit(x, y, weights, new double[x.length], lambda, frozen, unpenalised);
    }

    /**
     * As above with a fixed {@code offset} added to every row's logit: the part of the score that is not fitted
     * (the priors), so that the fitted weights explain what the priors leave. Labels may be fractions in [0, 1]
     * (the share of models that failed a task): the loss is then the cross-entropy to that share.
     */
    static double[] fit(
            double[][] x,
            double[] y,
            double[] weights,
            double[] offset,
            double lambda,
            boolean[] frozen,
            boolean[] unpenalised) {
        int n = x.length, p = x[0].length + 1;
        double totalWeight = 0;
        for (double w : weights) {
            totalWeight += w;
        }
        double[] beta = new double[p];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < n; i++) {
                double[] row = x[i];
                double z = beta[0] + offset[i];
                for (int k = 1; k < p; k++) {
                    z += beta[k] * row[k - 1];
                }
                double prob = 1 / (1 + Math.exp(-z));
                double w = weights[i] / totalWeight;
                double residual = w * (prob - y[i]);
                double curvature = w * prob * (1 - prob);
                for (int a = 0; a < p; a++) {
                    double xa = a == 0 ? 1 : row[a - 1];
                    gradient[a] += residual * xa;
                    for (int b = a; b < p; b++) {
                        hessian[a][b] += curvature * xa * (b == 0 ? 1 : row[b - 1]);
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[a][b] = hessian[b][a];
                }
                if (a > 0 && !unpenalised[a - 1]) {
                    gradient[a] += lambda * beta[a];
                    hessian[a][a] += lambda;
                }
                if (a > 0 && frozen[a - 1]) {
                    // a frozen column: identity row, zero step, so the weight stays where it is
                    Arrays.fill(hessian[a], 0);
                    for (int b = 0; b < p; b++) {
                        hessian[b][a] = 0;
                    }
                    hessian[a][a] = 1;
                    gradient[a] = 0;
                }
            }
            double[] step = solve(hessian, gradient);
            // damped Newton: far from the optimum (a large offset, shares as labels) a full step can overshoot and
            // diverge, so it is halved until the objective does not grow
            double before = objective(x, y, weights, offset, lambda, unpenalised, beta, totalWeight);
            double[] next = new double[p];
            double t = 1;
            while (true) {
                for (int a = 0; a < p; a++) {
                    next[a] = beta[a] - t * step[a];
                }
                if (objective(x, y, weights, offset, lambda, unpenalised, next, totalWeight) <= before + 1e-15
                        || t < 1e-10) {
                    break;
                }
                t /= 2;
            }
            double largest = 0;
            for (int a = 0; a < p; a++) {
                largest = Math.max(largest, Math.abs(next[a] - beta[a]));
                beta[a] = next[a];
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return beta;
    }

    /** The weighted mean log-loss (cross-entropy to the label share) plus the L2 penalty. */
    private static double objective(
            double[][] x,
            double[] y,
            double[] weights,
            double[] offset,
            double lambda,
            boolean[] unpenalised,
            double[] beta,
            double totalWeight) {
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double z = beta[0] + offset[i];
            for (int k = 1; k < beta.length; k++) {
                z += beta[k] * x[i][k - 1];
            }
            // log(1 + e^z) - y·z without overflow
            loss += weights[i]
                    / totalWeight
                    * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z);
        }
        for (int k = 1; k < beta.length; k++) {
            loss += unpenalised[k - 1] ? 0 : lambda / 2 * beta[k] * beta[k];
        }
        return loss;
    }

    /** Gaussian elimination with partial pivoting; the regularised Hessian is positive definite. */
    static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            if (Math.abs(a[col][col]) < 1e-15) {
                throw new ArithmeticException("singular system in the logistic fit");
            }
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * out[c];
            }
            out[r] = s / a[r][r];
        }
        return out;
    }
}
