package dev.aios.router.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The performance-gap-recovered curve of a binary strong/weak router, as in RouteLLM: route the highest-scoring
 * share of prompts to the strong model and measure PGR = (perf - weak) / (strong - weak). Prompts with equal
 * scores enter together and the curve is linear across them, which is the expectation over tie orders.
 */
final class RoutingCurve {
    private final double[] shares;
    private final double[] pgr;

    private RoutingCurve(double[] shares, double[] pgr) {
        this.shares = shares;
        this.pgr = pgr;
    }

    /**
     * The curve for these scores and outcomes; {@code null} when the strong model is not better on these prompts,
     * because then no gap exists to recover.
     */
    static RoutingCurve of(double[] scores, double[] weak, double[] strong) {
        int[] once = new int[scores.length];
        Arrays.fill(once, 1);
        return of(descending(scores), scores, weak, strong, once);
    }

    /** Prompt indices by descending score; computed once so that bootstrap resamples need no sort. */
    static int[] descending(double[] scores) {
        return IntStream.range(0, scores.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The curve over a resample in which prompt {@code i} occurs {@code counts[i]} times. */
    static RoutingCurve of(int[] order, double[] scores, double[] weak, double[] strong, int[] counts) {
        double n = 0, gap = 0;
        for (int i = 0; i < scores.length; i++) {
            n += counts[i];
            gap += counts[i] * (strong[i] - weak[i]);
        }
        if (n == 0 || gap <= 0) {
            return null;
        }
        double[] xs = new double[order.length + 1];
        double[] ys = new double[order.length + 1];
        int points = 1;
        double recovered = 0, taken = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                recovered += counts[order[j]] * (strong[order[j]] - weak[order[j]]);
                taken += counts[order[j]];
                j++;
            }
            if (taken / n > xs[points - 1]) {
                xs[points] = taken / n;
                ys[points] = recovered / gap;
                points++;
            }
            i = j;
        }
        return new RoutingCurve(Arrays.copyOf(xs, points), Arrays.copyOf(ys, points));
    }

    /** Area under the PGR curve over strong-call share 0..1 (trapezoids). */
    double apgr() {
        double area = 0;
        for (int k = 1; k < shares.length; k++) {
            area += (shares[k] - shares[k - 1]) * (pgr[k] + pgr[k - 1]) / 2;
        }
        return area;
    }

    /** The smallest strong-call share whose PGR reaches {@code target}; +∞ if none does. */
    double cpt(double target) {
        if (pgr[0] >= target) {
            return 0;
        }
        for (int k = 1; k < shares.length; k++) {
            if (pgr[k] >= target) {
                double t = (target - pgr[k - 1]) / (pgr[k] - pgr[k - 1]);
                return shares[k - 1] + t * (shares[k] - shares[k - 1]);
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** PGR when {@code share} of the calls go strong (linear between curve points). */
    double pgrAt(double share) {
        for (int k = 1; k < shares.length; k++) {
            if (share <= shares[k]) {
                double t = (share - shares[k - 1]) / (shares[k] - shares[k - 1]);
                return pgr[k - 1] + t * (pgr[k] - pgr[k - 1]);
            }
        }
        return pgr[pgr.length - 1];
    }
}
