package dev.aios.router.evaluation;

import java.util.Arrays;

/**
 * Weighted L2-regularised logistic regression on sparse rows, minimised by L-BFGS: the same objective as
 * {@link LogisticRegression} ({@code Σ wᵢ·logloss / Σ wᵢ + λ/2·|β|²}, intercept and flagged columns not penalised),
 * for thousands of hashed-term columns where a Newton step's dense Hessian would not fit.
 */
final class SparseLogisticRegression {
    private static final int MEMORY = 10;
    private static final int MAX_ITERATIONS = 2_000;

    private SparseLogisticRegression() {}

    /** Row {@code i} has value {@code values[i][j]} in column {@code columns[i][j]}; columns are 0..p-1. */
    record Rows(int[][] columns, double[][] values, int width) {
        Rows {
            if (columns.length != values.length) {
                throw new IllegalArgumentException("each row needs its columns and its values");
            }
        }

        int size() {
            return columns.length;
        }
    }

    /**
     * Coefficients {@code [intercept, β_0..β_{p-1}]}; stops when the largest gradient component is below
     * {@code tolerance}.
     */
    static double[] fit(Rows x, double[] y, double[] weights, double lambda, boolean[] unpenalised, double tolerance) {
        return fit(x, y, weights, new double[x.size()], lambda, unpenalised, tolerance);
    }

    /** As above with a fixed {@code offset} added to row {@code i}'s logit; labels may be shares in [0, 1]. */
    static double[] fit(
            Rows x,
            double[] y,
            double[] weights,
            double[] offset,
            double lambda,
            boolean[] unpenalised,
            double tolerance) {
        int p = x.width() + 1;
        double total = Arrays.stream(weights).sum();
        double[] w = Arrays.stream(weights).map(v -> v / total).toArray();
        double[] beta = new double[p];
        double[] gradient = new double[p];
        double loss = evaluate(x, y, w, offset, lambda, unpenalised, beta, gradient);
        double[][] s = new double[MEMORY][], g = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        int stored = 0, next = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS && maxAbs(gradient) > tolerance; iteration++) {
            double[] direction = twoLoop(gradient, s, g, rho, stored, next);
            double slope = dot(direction, gradient);
            if (slope >= 0) {
                // not a descent direction (curvature pairs went stale): restart from steepest descent
                stored = 0;
                direction = negate(gradient);
                slope = dot(direction, gradient);
            }
            double step = iteration == 0 ? 1 / Math.max(1, Math.sqrt(dot(gradient, gradient))) : 1;
            double[] candidate = new double[p];
            double[] candidateGradient = new double[p];
            double candidateLoss;
            while (true) {
                for (int k = 0; k < p; k++) {
                    candidate[k] = beta[k] + step * direction[k];
                }
                candidateLoss = evaluate(x, y, w, offset, lambda, unpenalised, candidate, candidateGradient);
                if (candidateLoss <= loss + 1e-4 * step * slope || step < 1e-12) {
                    break;
                }
                step /= 2;
            }
            double[] ds = new double[p], dg = new double[p];
            for (int k = 0; k < p; k++) {
                ds[k] = candidate[k] - beta[k];
                dg[k] = candidateGradient[k] - gradient[k];
            }
            double curvature = dot(ds, dg);
            if (curvature > 1e-12) {
                s[next] = ds;
                g[next] = dg;
                rho[next] = 1 / curvature;
                next = (next + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            boolean stalled = loss - candidateLoss <= 1e-14 * Math.max(1, Math.abs(loss));
            beta = candidate;
            gradient = candidateGradient;
            loss = candidateLoss;
            if (stalled) {
                break;
            }
        }
        return beta;
    }

    /** The objective at {@code beta}; writes its gradient into {@code gradient}. */
    static double evaluate(
            Rows x,
            double[] y,
            double[] w,
            double[] offset,
            double lambda,
            boolean[] unpenalised,
            double[] beta,
            double[] gradient) {
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int i = 0; i < x.size(); i++) {
            int[] columns = x.columns()[i];
            double[] values = x.values()[i];
            double z = beta[0] + offset[i];
            for (int j = 0; j < columns.length; j++) {
                z += beta[columns[j] + 1] * values[j];
            }
            // log(1 + e^z) - y·z, computed without overflow
            loss += w[i] * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z);
            double residual = w[i] * (1 / (1 + Math.exp(-z)) - y[i]);
            gradient[0] += residual;
            for (int j = 0; j < columns.length; j++) {
                gradient[columns[j] + 1] += residual * values[j];
            }
        }
        for (int k = 1; k < beta.length; k++) {
            if (!unpenalised[k - 1]) {
                loss += lambda / 2 * beta[k] * beta[k];
                gradient[k] += lambda * beta[k];
            }
        }
        return loss;
    }

    private static double[] twoLoop(double[] gradient, double[][] s, double[][] g, double[] rho, int stored, int next) {
        double[] q = gradient.clone();
        double[] alpha = new double[MEMORY];
        for (int m = 1; m <= stored; m++) {
            int k = Math.floorMod(next - m, MEMORY);
            alpha[k] = rho[k] * dot(s[k], q);
            axpy(-alpha[k], g[k], q);
        }
        if (stored > 0) {
            int last = Math.floorMod(next - 1, MEMORY);
            double gamma = 1 / (rho[last] * dot(g[last], g[last]));
            for (int k = 0; k < q.length; k++) {
                q[k] *= gamma;
            }
        }
        for (int m = stored; m >= 1; m--) {
            int k = Math.floorMod(next - m, MEMORY);
            double b = rho[k] * dot(g[k], q);
            axpy(alpha[k] - b, s[k], q);
        }
        return negate(q);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int k = 0; k < y.length; k++) {
            y[k] += a * x[k];
        }
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = -v[k];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
