package dev.aios.router.policy.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.HashedTerms;
import dev.aios.router.policy.LexicalModel;
import dev.aios.router.policy.RequestFeatures;
import dev.aios.router.policy.Thresholds;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fits a {@link ComplexityModel} with a lexical part: hashed word n-grams of the prompt next to the standardised
 * text features, one L2 penalty on both, one unpenalised intercept per dataset and equal total weight per dataset
 * (as {@link ComplexityFit}); the request signals keep their priors.
 */
final class LexicalFit {

    /** The prompt prefix the terms are read from: covers 99% of the benchmark prompts and bounds the routing cost. */
    static final int PREFIX_CHARS = 4096;

    /**
     * One point of the selection grid. Terms are shown to the fit only for datasets with at least
     * {@code minTrainPrompts} usable train prompts: MT-Bench's 36 carry a third of the weight, so every one of their
     * words would weigh as much as 200 MMLU prompts' words; with a minimum its rows still fit the other features.
     */
    record Candidate(String features, int buckets, int maxN, double lambda, int minTrainPrompts) {
        String family() {
            return "n-grams " + (minTrainPrompts > 0 ? "(sets >= " + minTrainPrompts + ")" : "(all sets)") + " + " + features;
        }

        String label() {
            return String.format(Locale.ROOT, "%s, %d, n<=%d", family(), buckets, maxN);
        }
    }

    /** Every train prompt's terms, hashed once per n-gram order at the largest bucket count and folded down. */
    static final class TermCache {
        private final int largest;
        private final Map<Integer, Map<Outcome, HashedTerms>> byOrder = new java.util.HashMap<>();

        TermCache(int largest) {
            this.largest = largest;
        }

        HashedTerms terms(Outcome o, int buckets, int maxN) {
            HashedTerms full = byOrder.computeIfAbsent(maxN, k -> new IdentityHashMap<>())
                    .computeIfAbsent(o, k -> HashedTerms.of(o.request().prompt(), largest, maxN, PREFIX_CHARS));
            return buckets == largest ? full : full.fold(buckets);
        }
    }

    private LexicalFit() {}

    static ComplexityModel fit(String version, List<List<Outcome>> train, List<List<Outcome>> calibration, double strongShare,
            double claudeShare, Candidate candidate, TermCache cache) {
        List<Outcome> outcomes = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        List<Boolean> withTerms = new ArrayList<>();
        List<String> termSets = new ArrayList<>();
        for (int d = 0; d < train.size(); d++) {
            List<Outcome> usable = train.get(d).stream().filter(ComplexityFit::usable).toList();
            boolean terms = usable.size() >= candidate.minTrainPrompts();
            if (terms) {
                termSets.add(usable.size() + "");
            }
            for (Outcome o : usable) {
                withTerms.add(terms);
                outcomes.add(o);
                rows.add(RequestFeatures.extract(o.request()));
                weights.add(1.0 / usable.size());
                sources.add(d);
            }
        }
        int n = RequestFeatures.SIZE, buckets = candidate.buckets(), datasets = train.size();
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        Set<String> textFeatures = ComplexityFit.FEATURE_SETS.get(candidate.features());
        ComplexityFit.Standardisation standard = ComplexityFit.Standardisation.of(rows, w, textFeatures);
        // columns: the n text/request features (only fitted ones occur), then the buckets, then datasets 1..D-1
        int width = n + buckets + datasets - 1;
        int[][] columns = new int[rows.size()][];
        double[][] values = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            HashedTerms terms = withTerms.get(i) ? cache.terms(outcomes.get(i), buckets, candidate.maxN()) : HashedTerms.EMPTY;
            int[] c = new int[n + terms.size() + 1];
            double[] v = new double[c.length];
            int m = 0;
            for (int k = 0; k < n; k++) {
                if (standard.fitted()[k]) {
                    c[m] = k;
                    v[m++] = (rows.get(i)[k] - standard.means()[k]) / standard.scales()[k];
                }
            }
            for (int k = 0; k < terms.size(); k++) {
                c[m] = n + terms.bucket(k);
                v[m++] = terms.value(k);
            }
            if (sources.get(i) > 0) {
                c[m] = n + buckets + sources.get(i) - 1;
                v[m++] = 1;
            }
            columns[i] = java.util.Arrays.copyOf(c, m);
            values[i] = java.util.Arrays.copyOf(v, m);
            y[i] = outcomes.get(i).strongNeeded() ? 1 : 0;
        }
        boolean[] unpenalised = new boolean[width];
        for (int d = 1; d < datasets; d++) {
            unpenalised[n + buckets + d - 1] = true;
        }
        double[] beta = SparseLogisticRegression.fit(new SparseLogisticRegression.Rows(columns, values, width), y, w,
                candidate.lambda(), unpenalised, 1e-7);
        // production has no dataset: use the average dataset intercept (only the thresholds depend on it)
        double intercept = beta[0];
        for (int d = 1; d < datasets; d++) {
            intercept += beta[n + buckets + d] / datasets;
        }
        double[] coefficients = new double[n];
        for (int k = 0; k < n; k++) {
            coefficients[k] = standard.fitted()[k] ? beta[k + 1] : ComplexityFit.PRIORS.getOrDefault(RequestFeatures.NAMES.get(k), 0.0);
        }
        float[] lexicalWeights = new float[buckets];
        for (int b = 0; b < buckets; b++) {
            lexicalWeights[b] = (float) beta[n + 1 + b];
        }
        String provenance = String.format(Locale.ROOT,
                "fitted on %d train prompts with L2 %s on %s and hashed word n-grams (%d buckets, n<=%d, first %d chars; terms from the train sets of %s prompts), calibrated for strong share %s and claude share %s",
                rows.size(), candidate.lambda(), candidate.features(), buckets, candidate.maxN(), PREFIX_CHARS, String.join(", ", termSets),
                strongShare, claudeShare);
        ComplexityModel unCalibrated = new ComplexityModel(version, provenance, intercept, standard.means(), standard.scales(),
                coefficients, standard.fitted(), new Thresholds(0.5, 0.5),
                Optional.of(new LexicalModel(buckets, candidate.maxN(), PREFIX_CHARS, lexicalWeights)));
        return unCalibrated.withThresholds(ComplexityFit.calibrate(unCalibrated, calibration, strongShare, claudeShare));
    }
}
