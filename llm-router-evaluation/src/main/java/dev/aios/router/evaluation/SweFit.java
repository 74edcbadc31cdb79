package dev.aios.router.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.TaskFeatures;
import dev.aios.router.policy.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fits scorers of SWE-bench issues on a train set. The label of an issue is its difficulty: the share of the 24
 * models that failed it (a smooth target; any single model's outcome is one noisy draw of it). Every scorer's
 * logit is the priors' part ({@link Priors}, fixed, an offset in the fit) plus a fitted part:
 * <ul>
 *   <li>shippable: an L2-regularised logistic model over a family of {@link TaskFeatures} text signals, standardised
 *   on train, written as a {@link ComplexityModel};</li>
 *   <li>for comparison only: the MiniLM sentence embedding (with or without the text signals), and hashed word
 *   n-grams with length, the representations routers in the literature use.</li>
 * </ul>
 */
final class SweFit {

    /** Families of fitted text signals; every other feature keeps its prior. */
    static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("length only", List.of("task_tokens"));
        FAMILIES.put("length and structure", List.of("task_tokens", "lines", "list_items", "code_lines", "links"));
        FAMILIES.put(
                "code and trace markers",
                List.of("task_tokens", "code_lines", "stack_trace", "error_names", "file_paths", "code_identifiers"));
        FAMILIES.put("all text signals", TaskFeatures.TEXT_SIGNALS);
    }

    static final double[] LAMBDAS = {0.001, 0.01, 0.1, 1.0};
    static final double[] EMBEDDING_LAMBDAS = {0.001, 0.01, 0.1};
    static final double[] NGRAM_LAMBDAS = {0.0001, 0.001, 0.01};
    static final int NGRAM_BUCKETS = 4096;
    static final int NGRAM_PREFIX = 8192;

    private final Map<SweTask, double[]> features = new IdentityHashMap<>();

    double[] features(SweTask task) {
        return features.computeIfAbsent(task, t -> TaskFeatures.extract(t.request()));
    }

    /** A complexity model whose weights on {@code fittedNames} are fitted on {@code train}; thresholds still to calibrate. */
    ComplexityModel model(
            String version,
            List<SweTask> train,
            List<String> fittedNames,
            double lambda,
            String provenance,
            String license) {
        int n = TaskFeatures.SIZE;
        boolean[] fitted = new boolean[n];
        fittedNames.forEach(name -> fitted[index(name)] = true);
        double[][] rows = train.stream().map(this::features).toArray(double[][]::new);
        double[] means = new double[n], scales = new double[n];
        for (int k = 0; k < n; k++) {
            scales[k] = 1;
            if (fitted[k]) {
                int col = k;
                double mean =
                        Arrays.stream(rows).mapToDouble(r -> r[col]).average().orElse(0);
                double sd = Math.sqrt(Arrays.stream(rows)
                        .mapToDouble(r -> (r[col] - mean) * (r[col] - mean))
                        .average()
                        .orElse(0));
                means[k] = mean;
                scales[k] = sd > 1e-9 ? sd : 1;
            }
        }
        double[][] x = new double[rows.length][fittedNames.size()];
        double[] offset = new double[rows.length], y = new double[rows.length], w = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int c = 0;
            for (int k = 0; k < n; k++) {
                if (fitted[k]) {
                    x[i][c++] = (rows[i][k] - means[k]) / scales[k];
                }
            }
            offset[i] = Priors.offset(rows[i], fitted);
            y[i] = train.get(i).difficulty();
            w[i] = 1;
        }
        double[] beta = LogisticRegression.fit(
                x, y, w, offset, lambda, new boolean[fittedNames.size()], new boolean[fittedNames.size()]);
        double[] weights = new double[n];
        int c = 0;
        for (int k = 0; k < n; k++) {
            weights[k] = fitted[k] ? beta[1 + c++] : Priors.weight(TaskFeatures.NAMES.get(k));
        }
        return new ComplexityModel(
                version, provenance, license, beta[0], means, scales, weights, fitted, new Thresholds(0.5, 0.5));
    }

    SweScorer shippable(String family, List<SweTask> train, double lambda) {
        ComplexityModel m = model("candidate", train, FAMILIES.get(family), lambda, "", "");
        return new SweScorer(label(family, lambda), true, t -> m.score(features(t)), Optional.of(m));
    }

    /** The text signals and the scope cues all fitted: what SWE-bench itself says about the cues (not shipped: they are priors). */
    SweScorer scopeFitted(List<SweTask> train, double lambda) {
        List<String> names = new ArrayList<>(TaskFeatures.TEXT_SIGNALS);
        names.addAll(TaskFeatures.SCOPE_SIGNALS);
        ComplexityModel m = model("candidate", train, names, lambda, "", "");
        return new SweScorer(
                label("text signals + scope cues fitted", lambda), false, t -> m.score(features(t)), Optional.of(m));
    }

    /** Logistic regression on the MiniLM embedding (and, with {@code withText}, the standardised text signals). */
    SweScorer embedding(Embeddings embeddings, List<SweTask> train, boolean withText, double lambda) {
        ComplexityModel text = model("text", train, TaskFeatures.TEXT_SIGNALS, 1.0, "", "");
        int p = Embeddings.DIMENSIONS + (withText ? TaskFeatures.TEXT_SIGNALS.size() : 0);
        boolean[] fitted = fittedMask(TaskFeatures.TEXT_SIGNALS);
        Function<SweTask, double[]> row = t -> {
            double[] r = new double[p];
            float[] e = embeddings.of(t);
            for (int k = 0; k < e.length; k++) {
                r[k] = e[k];
            }
            if (withText) {
                double[] f = features(t);
                for (int k = 0; k < TaskFeatures.TEXT_SIGNALS.size(); k++) {
                    r[Embeddings.DIMENSIONS + k] = (f[k] - text.means()[k]) / text.scales()[k];
                }
            }
            return r;
        };
        double[][] x = train.stream().map(row).toArray(double[][]::new);
        double[] offset = train.stream()
                .mapToDouble(t -> Priors.offset(features(t), fitted))
                .toArray();
        double[] y = train.stream().mapToDouble(SweTask::difficulty).toArray();
        double[] w = new double[x.length];
        Arrays.fill(w, 1);
        double[] beta = LogisticRegression.fit(x, y, w, offset, lambda, new boolean[p], new boolean[p]);
        String name = label(withText ? "MiniLM embedding + all text signals" : "MiniLM embedding", lambda);
        return new SweScorer(
                name,
                false,
                t -> {
                    double[] r = row.apply(t);
                    double z = beta[0] + Priors.offset(features(t), fitted);
                    for (int k = 0; k < p; k++) {
                        z += beta[k + 1] * r[k];
                    }
                    return 1 / (1 + Math.exp(-z));
                },
                Optional.empty());
    }

    /** Hashed word unigrams and bigrams of the first {@link #NGRAM_PREFIX} characters, with the task length. */
    SweScorer ngrams(List<SweTask> train, double lambda) {
        ComplexityModel length = model("length", train, List.of("task_tokens"), 1.0, "", "");
        boolean[] fitted = fittedMask(List.of("task_tokens"));
        int width = NGRAM_BUCKETS + 1;
        Map<SweTask, HashedTerms> terms = new IdentityHashMap<>();
        Function<SweTask, HashedTerms> termsOf =
                t -> terms.computeIfAbsent(t, k -> HashedTerms.of(k.problem(), NGRAM_BUCKETS, 2, NGRAM_PREFIX));
        int[][] columns = new int[train.size()][];
        double[][] values = new double[train.size()][];
        for (int i = 0; i < train.size(); i++) {
            HashedTerms h = termsOf.apply(train.get(i));
            columns[i] = new int[h.size() + 1];
            values[i] = new double[h.size() + 1];
            for (int k = 0; k < h.size(); k++) {
                columns[i][k] = h.bucket(k);
                values[i][k] = h.value(k);
            }
            columns[i][h.size()] = NGRAM_BUCKETS;
            values[i][h.size()] = standardLength(length, train.get(i));
        }
        double[] offset = train.stream()
                .mapToDouble(t -> Priors.offset(features(t), fitted))
                .toArray();
        double[] y = train.stream().mapToDouble(SweTask::difficulty).toArray();
        double[] w = new double[train.size()];
        Arrays.fill(w, 1);
        double[] beta = SparseLogisticRegression.fit(
                new SparseLogisticRegression.Rows(columns, values, width),
                y,
                w,
                offset,
                lambda,
                new boolean[width],
                1e-7);
        return new SweScorer(
                label("hashed word n-grams + length", lambda),
                false,
                t -> {
                    HashedTerms h = termsOf.apply(t);
                    double z = beta[0]
                            + Priors.offset(features(t), fitted)
                            + beta[NGRAM_BUCKETS + 1] * standardLength(length, t);
                    for (int k = 0; k < h.size(); k++) {
                        z += beta[h.bucket(k) + 1] * h.value(k);
                    }
                    return 1 / (1 + Math.exp(-z));
                },
                Optional.empty());
    }

    private double standardLength(ComplexityModel length, SweTask t) {
        return (features(t)[0] - length.means()[0]) / length.scales()[0];
    }

    static String label(String family, double lambda) {
        return String.format(Locale.ROOT, "%s, lambda %s", family, lambda);
    }

    private static boolean[] fittedMask(List<String> names) {
        boolean[] fitted = new boolean[TaskFeatures.SIZE];
        names.forEach(name -> fitted[index(name)] = true);
        return fitted;
    }

    private static int index(String name) {
        int i = TaskFeatures.NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown feature " + name);
        }
        return i;
    }
}
