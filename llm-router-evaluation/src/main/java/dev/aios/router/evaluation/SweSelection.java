package dev.aios.router.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Fits every candidate scorer on each split's train set and scores it on that split's calibration set, never on
 * test. The shipped model comes from the <em>repository</em> split's calibration set (code bases the fit never saw:
 * what must hold for a user's project), by the one-standard-error rule: of the shippable families whose best rank
 * correlation with difficulty is within one standard error of the best candidate's, the one with the fewest fitted
 * signals, at its best penalty. With ~100 calibration issues one standard error of a rank correlation is ~0.1, more
 * than the candidates differ by, and the simpler model is the safer bet on code bases nobody has seen.
 */
final class SweSelection {

    /** A candidate's fits, one per split, and their calibration rank correlations. */
    record Candidate(
            String family,
            double lambda,
            boolean shippable,
            Map<String, SweScorer> bySplit,
            Map<String, Double> calibration) {}

    private SweSelection() {}

    static List<Candidate> fitAll(List<SweSplit> splits, SweFit fit, @Nullable Embeddings embeddings, PrintStream out) {
        List<Candidate> candidates = new ArrayList<>();
        for (String family : SweFit.FAMILIES.keySet()) {
            for (double lambda : SweFit.LAMBDAS) {
                candidates.add(candidate(family, lambda, true, splits, (train, l) -> fit.shippable(family, train, l)));
            }
        }
        for (double lambda : SweFit.LAMBDAS) {
            candidates.add(candidate("text signals + scope cues fitted", lambda, false, splits, fit::scopeFitted));
        }
        for (double lambda : SweFit.NGRAM_LAMBDAS) {
            candidates.add(candidate("hashed word n-grams + length", lambda, false, splits, fit::ngrams));
        }
        if (embeddings != null) {
            for (double lambda : SweFit.EMBEDDING_LAMBDAS) {
                candidates.add(candidate(
                        "MiniLM embedding",
                        lambda,
                        false,
                        splits,
                        (train, l) -> fit.embedding(embeddings, train, false, l)));
                candidates.add(candidate(
                        "MiniLM embedding + all text signals",
                        lambda,
                        false,
                        splits,
                        (train, l) -> fit.embedding(embeddings, train, true, l)));
            }
        }
        out.printf(
                Locale.ROOT,
                "%-58s %-9s %s%n",
                "candidate (fitted part; priors fixed)",
                "ships?",
                "calibration rank correlation with difficulty: "
                        + String.join(" / ", splits.stream().map(SweSplit::name).toList()));
        for (Candidate c : candidates) {
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT, "%-58s %-9s", SweFit.label(c.family(), c.lambda()), c.shippable() ? "yes" : "no"));
            c.calibration().values().forEach(rho -> line.append(String.format(Locale.ROOT, " %+.3f", rho)));
            out.println(line);
        }
        return candidates;
    }

    /** The one-standard-error choice among the shippable candidates on {@code calibrationSize} repository-split issues. */
    static Candidate select(List<Candidate> candidates, int calibrationSize) {
        List<Candidate> shippable =
                bestPerFamily(candidates.stream().filter(Candidate::shippable).toList());
        if (shippable.isEmpty()) {
            throw new IllegalStateException("no shippable candidate");
        }
        double best = shippable.stream()
                .mapToDouble(c -> c.calibration().get("repository"))
                .max()
                .orElseThrow();
        double standardError = standardError(calibrationSize);
        Candidate chosen = null;
        for (Candidate c : shippable) {
            boolean close = c.calibration().get("repository") >= best - standardError;
            if (close
                    && (chosen == null
                            || SweFit.FAMILIES.get(c.family()).size()
                                    < SweFit.FAMILIES.get(chosen.family()).size())) {
                chosen = c;
            }
        }
        return chosen;
    }

    /** The standard error of a rank correlation near 0 on {@code n} pairs (Fisher's approximation, 1/sqrt(n - 3)). */
    static double standardError(int n) {
        return 1 / Math.sqrt(n - 3);
    }

    /** The best candidate of each family by the repository split's calibration correlation. */
    static List<Candidate> bestPerFamily(List<Candidate> candidates) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Candidate b = best.get(c.family());
            if (b == null || c.calibration().get("repository") > b.calibration().get("repository")) {
                best.put(c.family(), c);
            }
        }
        return List.copyOf(best.values());
    }

    private static Candidate candidate(
            String family,
            double lambda,
            boolean shippable,
            List<SweSplit> splits,
            BiFunction<List<SweTask>, Double, SweScorer> fitter) {
        Map<String, SweScorer> bySplit = new LinkedHashMap<>();
        Map<String, Double> calibration = new LinkedHashMap<>();
        for (SweSplit split : splits) {
            SweScorer scorer = fitter.apply(split.train(), lambda);
            bySplit.put(split.name(), scorer);
            calibration.put(
                    split.name(),
                    spearman(
                            scorer.scores(split.calibration()),
                            split.calibration().stream()
                                    .mapToDouble(SweTask::difficulty)
                                    .toArray()));
        }
        return new Candidate(family, lambda, shippable, bySplit, calibration);
    }

    /** Spearman's rank correlation, ties given their average rank. */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a), rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0),
                mb = Arrays.stream(rb).average().orElse(0);
        double cov = 0, va = 0, vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    static double[] ranks(double[] v) {
        Integer[] order = new Integer[v.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
        double[] ranks = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return ranks;
    }
}
