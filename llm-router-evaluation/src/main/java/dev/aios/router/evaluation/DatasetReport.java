package dev.aios.router.evaluation;

import dev.aios.router.policy.ComplexityModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;

/** Scores one dataset's test split with our router and the baselines and prints the APGR / CPT table. */
final class DatasetReport {

    /** One table row: a router's estimates on the test split. */
    record Row(String router, Estimate apgr, Estimate cpt50, Estimate cpt80, double pgrAtShare) {}

    private final Dataset dataset;
    private final Split split;
    private final double[] weak;
    private final double[] strong;
    private final int[][] resamples;

    DatasetReport(Dataset dataset, Split split, int resampleCount, long seed) {
        this.dataset = dataset;
        this.split = split;
        this.weak = split.test().stream().mapToDouble(Outcome::weak).toArray();
        this.strong = split.test().stream().mapToDouble(Outcome::strong).toArray();
        this.resamples = Bootstrap.resamples(weak.length, resampleCount, seed);
    }

    double[] scores(ToDoubleFunction<Outcome> scorer) {
        return split.test().stream().mapToDouble(scorer).toArray();
    }

    static ToDoubleFunction<Outcome> by(ComplexityModel model) {
        return o -> model.score(o.request());
    }

    /** Bootstrap CIs for a scored router; PGR read at {@code share} strong calls. */
    Row scored(String name, double[] scores, double share) {
        RoutingCurve curve = RoutingCurve.of(scores, weak, strong);
        if (curve == null) {
            throw new IllegalStateException(dataset.name() + ": the strong model is not better on the test split");
        }
        int[] order = RoutingCurve.descending(scores);
        List<double[]> samples = new ArrayList<>();
        for (int[] counts : resamples) {
            RoutingCurve c = RoutingCurve.of(order, scores, weak, strong, counts);
            // a resample where the weak model ties or wins has no gap to recover: it carries no information here
            if (c != null) {
                samples.add(new double[] {c.apgr(), c.cpt(0.5), c.cpt(0.8)});
            }
        }
        return new Row(
                name,
                Estimate.of(curve.apgr(), column(samples, 0)),
                Estimate.of(curve.cpt(0.5), column(samples, 1)),
                Estimate.of(curve.cpt(0.8), column(samples, 2)),
                curve.pgrAt(share));
    }

    /**
     * Random routing: the point estimate is the exact expectation over orders (all scores tied gives the diagonal);
     * the interval is the spread over as many seeded random orders as there are resamples.
     */
    Row random(double share, long seed) {
        double[] tied = new double[weak.length];
        RoutingCurve expected = RoutingCurve.of(tied, weak, strong);
        Random random = new Random(seed);
        List<double[]> samples = new ArrayList<>();
        for (int b = 0; b < resamples.length; b++) {
            double[] scores = new double[weak.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextDouble();
            }
            RoutingCurve c = RoutingCurve.of(scores, weak, strong);
            samples.add(new double[] {c.apgr(), c.cpt(0.5), c.cpt(0.8)});
        }
        return new Row(
                "random (same strong-call rate)",
                Estimate.of(expected.apgr(), column(samples, 0)),
                Estimate.of(expected.cpt(0.5), column(samples, 1)),
                Estimate.of(expected.cpt(0.8), column(samples, 2)),
                expected.pgrAt(share));
    }

    /** A router that never trades off: one point on the curve, so no area; CPT is its share if it reaches the target. */
    Row constant(String name, boolean alwaysStrong) {
        double share = alwaysStrong ? 1 : 0;
        double pgr = alwaysStrong ? 1 : 0;
        Estimate cpt50 = Estimate.exact(pgr >= 0.5 ? share : Double.POSITIVE_INFINITY);
        Estimate cpt80 = Estimate.exact(pgr >= 0.8 ? share : Double.POSITIVE_INFINITY);
        return new Row(name, Estimate.exact(Double.NaN), cpt50, cpt80, pgr);
    }

    void print(PrintStream out, List<Row> rows, double share) {
        double weakMean = mean(weak), strongMean = mean(strong);
        out.printf(
                Locale.ROOT,
                "%n== %s: strong %s vs weak %s%n",
                dataset.name(),
                dataset.strongModel(),
                dataset.weakModel());
        out.printf(
                Locale.ROOT,
                "loaded %d, contaminated removed %d, kept %d; split train %d / calibration %d / test %d%n",
                dataset.loaded(),
                dataset.contaminated(),
                dataset.outcomes().size(),
                split.train().size(),
                split.calibration().size(),
                split.test().size());
        out.printf(
                Locale.ROOT,
                "%s%ntest performance: strong %.3f, weak %.3f; shipped gpt threshold sends %.1f%% of test calls strong%n",
                dataset.note(),
                strongMean,
                weakMean,
                share * 100);
        out.printf(
                Locale.ROOT,
                "%-50s | %-24s | %-28s | %-28s | %-9s | %s%n",
                "router",
                "APGR [95% CI]",
                "CPT(50%) [95% CI]",
                "CPT(80%) [95% CI]",
                "PGR@share",
                "n(test)");
        for (Row row : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-50s | %-24s | %-28s | %-28s | %-9s | %d%n",
                    row.router(),
                    row.apgr().asNumber(),
                    row.cpt50().asPercent(),
                    row.cpt80().asPercent(),
                    String.format(Locale.ROOT, "%.3f", row.pgrAtShare()),
                    weak.length);
        }
    }

    private static double[] column(List<double[]> samples, int k) {
        return samples.stream().mapToDouble(s -> s[k]).toArray();
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
