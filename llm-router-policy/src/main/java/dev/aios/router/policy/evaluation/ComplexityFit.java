package dev.aios.router.policy.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.RequestFeatures;
import dev.aios.router.policy.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits the prompt-feature weights of a {@link ComplexityModel} on train splits and calibrates its thresholds on
 * calibration splits. Each dataset carries equal total weight, so MMLU's 14k prompts do not drown MT-Bench's 72.
 * The request signals never occur in the public data; they keep the hand-set priors below.
 */
final class ComplexityFit {

    static final double LAMBDA = 0.01;

    /** Penalties tried by {@link #selectModel}; chosen by APGR on the calibration splits, never on test. */
    static final double[] LAMBDAS = {0.001, 0.01, 0.1, 1.0};

    /** Candidate sets of fitted text features; the rest keep weight 0. Chosen on calibration like the penalty. */
    static final Map<String, Set<String>> FEATURE_SETS = new java.util.LinkedHashMap<>();

    static {
        FEATURE_SETS.put("length only", Set.of("prompt_tokens"));
        FEATURE_SETS.put("all text signals", Set.copyOf(RequestFeatures.NAMES.subList(0, RequestFeatures.NAMES.indexOf("expected_output"))));
        FEATURE_SETS.put("length, math and code", Set.of("prompt_tokens", "digit_ratio", "math_operators", "equation", "latex",
                "math_phrases", "code_fence", "code_keywords", "stack_trace", "file_extensions"));
    }

    /** Logit added per unit of each request signal; judgement, not data: see docs/router-evaluation.md. */
    static final Map<String, Double> PRIORS = Map.of(
            "expected_output", 0.2,
            "files_involved", 0.3,
            "estimate_points", 0.4,
            "complexity_hint", 1.0,
            "role_cto", 0.5,
            "task_reasoning", 0.5,
            "task_code", 0.3,
            "task_light", -0.5);

    /** GPT-4's answers in these subjects are mostly mis-extracted (router-eval README): bad labels, left out of the fit. */
    static final Set<String> NOISY_SUBJECTS = Set.of("mmlu/high_school_mathematics/", "mmlu/college_mathematics/");

    private ComplexityFit() {}

    static boolean usable(Outcome o) {
        return NOISY_SUBJECTS.stream().noneMatch(o.id()::startsWith);
    }

    /** Fits on {@code train} (one list per dataset) and calibrates on {@code calibration} for the given shares. */
    static ComplexityModel fit(String version, List<List<Outcome>> train, List<List<Outcome>> calibration, double strongShare,
            double claudeShare) {
        return fit(version, train, calibration, strongShare, claudeShare, LAMBDA, FEATURE_SETS.get("all text signals"));
    }

    static ComplexityModel fit(String version, List<List<Outcome>> train, List<List<Outcome>> calibration, double strongShare,
            double claudeShare, double lambda, Set<String> textFeatures) {
        List<double[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int d = 0; d < train.size(); d++) {
            List<Outcome> usable = train.get(d).stream().filter(ComplexityFit::usable).toList();
            for (Outcome o : usable) {
                rows.add(RequestFeatures.extract(o.request()));
                labels.add(o.strongNeeded() ? 1.0 : 0.0);
                weights.add(1.0 / usable.size());
                sources.add(d);
            }
        }
        int datasets = train.size();
        int n = RequestFeatures.SIZE;
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        Standardisation standard = Standardisation.of(rows, w, textFeatures);
        double[] means = standard.means(), scales = standard.scales();
        boolean[] fitted = standard.fitted();
        // One intercept per dataset (fixed effects): the shared weights then learn to rank prompts within a
        // dataset instead of telling GSM8K from MMLU, which is all a pooled fit would otherwise pick up.
        double[][] x = new double[rows.size()][n + datasets - 1];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < n; k++) {
                x[i][k] = fitted[k] ? (rows.get(i)[k] - means[k]) / scales[k] : 0;
            }
            if (sources.get(i) > 0) {
                x[i][n + sources.get(i) - 1] = 1;
            }
        }
        boolean[] frozen = new boolean[n + datasets - 1];
        boolean[] unpenalised = new boolean[n + datasets - 1];
        for (int k = 0; k < n; k++) {
            frozen[k] = !fitted[k];
        }
        // a shrunken dataset intercept would leave part of the between-dataset difference to the features (MMLU's
        // long prompts would teach "long means easy"), so the intercepts are free and only the features are penalised
        for (int d = 1; d < datasets; d++) {
            unpenalised[n + d - 1] = true;
        }
        double[] beta = LogisticRegression.fit(x, labels.stream().mapToDouble(Double::doubleValue).toArray(), w, lambda, frozen,
                unpenalised);
        // production has no dataset: use the average dataset intercept (only the thresholds depend on it)
        double intercept = beta[0];
        for (int d = 1; d < datasets; d++) {
            intercept += beta[n + d] / datasets;
        }
        double[] coefficients = new double[n];
        for (int k = 0; k < n; k++) {
            coefficients[k] = fitted[k] ? beta[k + 1] : PRIORS.getOrDefault(RequestFeatures.NAMES.get(k), 0.0);
        }
        String provenance = "fitted on " + rows.size() + " train prompts with L2 " + lambda + " on " + textFeatures.size() + " text features, calibrated for strong share " + strongShare
                + " and claude share " + claudeShare;
        ComplexityModel unCalibrated = new ComplexityModel(version, provenance, intercept, means, scales, coefficients, fitted,
                new Thresholds(0.5, 0.5));
        return unCalibrated.withThresholds(calibrate(unCalibrated, calibration, strongShare, claudeShare));
    }

    /** Weighted means and standard deviations of the fitted features; the others stay (0, 1) and unfitted. */
    record Standardisation(double[] means, double[] scales, boolean[] fitted) {
        static Standardisation of(List<double[]> rows, double[] w, Set<String> textFeatures) {
            int n = RequestFeatures.SIZE;
            double[] means = new double[n], scales = new double[n];
            boolean[] fitted = new boolean[n];
            double total = 0;
            for (double v : w) {
                total += v;
            }
            for (int k = 0; k < n; k++) {
                double mean = 0, square = 0;
                for (int i = 0; i < rows.size(); i++) {
                    mean += w[i] * rows.get(i)[k];
                }
                mean /= total;
                for (int i = 0; i < rows.size(); i++) {
                    square += w[i] * Math.pow(rows.get(i)[k] - mean, 2);
                }
                double sd = Math.sqrt(square / total);
                boolean prior = RequestFeatures.REQUEST_SIGNALS.contains(RequestFeatures.NAMES.get(k));
                fitted[k] = !prior && sd > 1e-9 && textFeatures.contains(RequestFeatures.NAMES.get(k));
                means[k] = fitted[k] ? mean : 0;
                scales[k] = fitted[k] ? sd : 1;
            }
            return new Standardisation(means, scales, fitted);
        }
    }

    /** APGR of {@code model} on each of the given splits (0.5 where the strong model is not better). */
    static double[] apgr(ComplexityModel model, List<List<Outcome>> splits) {
        double[] out = new double[splits.size()];
        for (int d = 0; d < splits.size(); d++) {
            List<Outcome> dataset = splits.get(d);
            double[] scores = dataset.stream().mapToDouble(o -> model.score(o.request())).toArray();
            RoutingCurve curve = RoutingCurve.of(scores, dataset.stream().mapToDouble(Outcome::weak).toArray(),
                    dataset.stream().mapToDouble(Outcome::strong).toArray());
            out[d] = curve == null ? 0.5 : curve.apgr();
        }
        return out;
    }

    static Thresholds calibrate(ComplexityModel model, List<List<Outcome>> calibration, double strongShare, double claudeShare) {
        List<Double> scores = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (List<Outcome> dataset : calibration) {
            for (Outcome o : dataset) {
                scores.add(model.score(o.request()));
                weights.add(1.0 / dataset.size());
            }
        }
        return Thresholds.calibrate(scores.stream().mapToDouble(Double::doubleValue).toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray(), strongShare, claudeShare);
    }
}
