package dev.aios.router.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.TaskFeatures;
import dev.aios.router.policy.Thresholds;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Fits the router's text signals on one benchmark's train split (label: the strong model did strictly better),
 * the in-domain reference row of the GSM8K / MMLU / MT-Bench tables. Never shipped: the shipped model is fitted on
 * software tasks ({@link SweFit}).
 */
final class ComplexityFit {

    static final double LAMBDA = 0.01;

    /** GPT-4's answers in these subjects are mostly mis-extracted (router-eval README): bad labels, left out of the fit. */
    static final Set<String> NOISY_SUBJECTS = Set.of("mmlu/high_school_mathematics/", "mmlu/college_mathematics/");

    private ComplexityFit() {}

    static boolean usable(Outcome o) {
        return NOISY_SUBJECTS.stream().noneMatch(o.id()::startsWith);
    }

    static ComplexityModel fit(String version, List<Outcome> train) {
        List<Outcome> usable = train.stream().filter(ComplexityFit::usable).toList();
        int n = TaskFeatures.SIZE;
        double[][] rows =
                usable.stream().map(o -> TaskFeatures.extract(o.request())).toArray(double[][]::new);
        boolean[] fitted = new boolean[n];
        double[] means = new double[n], scales = new double[n];
        for (int k = 0; k < n; k++) {
            int col = k;
            double mean = Arrays.stream(rows).mapToDouble(r -> r[col]).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(rows)
                    .mapToDouble(r -> (r[col] - mean) * (r[col] - mean))
                    .average()
                    .orElse(0));
            fitted[k] = TaskFeatures.TEXT_SIGNALS.contains(TaskFeatures.NAMES.get(k)) && sd > 1e-9;
            means[k] = fitted[k] ? mean : 0;
            scales[k] = fitted[k] ? sd : 1;
        }
        double[][] x = new double[rows.length][n];
        double[] y = new double[rows.length], w = new double[rows.length], offset = new double[rows.length];
        boolean[] frozen = new boolean[n];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < n; k++) {
                x[i][k] = fitted[k] ? (rows[i][k] - means[k]) / scales[k] : 0;
            }
            y[i] = usable.get(i).strongNeeded() ? 1 : 0;
            w[i] = 1;
            offset[i] = Priors.offset(rows[i], fitted);
        }
        for (int k = 0; k < n; k++) {
            frozen[k] = !fitted[k];
        }
        double[] beta = LogisticRegression.fit(x, y, w, offset, LAMBDA, frozen, new boolean[n]);
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = fitted[k] ? beta[k + 1] : Priors.weight(TaskFeatures.NAMES.get(k));
        }
        return new ComplexityModel(
                version,
                "fitted on " + rows.length + " train prompts",
                "",
                beta[0],
                means,
                scales,
                weights,
                fitted,
                new Thresholds(0.5, 0.5));
    }

    /** APGR of {@code model} on a split (0.5 where the strong model is not better). */
    static double apgr(ComplexityModel model, List<Outcome> split) {
        double[] scores =
                split.stream().mapToDouble(o -> model.score(o.request())).toArray();
        RoutingCurve curve = RoutingCurve.of(
                scores,
                split.stream().mapToDouble(Outcome::weak).toArray(),
                split.stream().mapToDouble(Outcome::strong).toArray());
        return curve == null ? 0.5 : curve.apgr();
    }
}
