package dev.aios.router.evaluation;

import java.util.Arrays;
import java.util.Random;

/** Percentile bootstrap over resamples of the test set; the same resamples serve every router (paired). */
final class Bootstrap {
    private Bootstrap() {}

    /** {@code resamples} multiplicity vectors: entry i says how often test prompt i was drawn. */
    static int[][] resamples(int n, int resamples, long seed) {
        Random random = new Random(seed);
        int[][] counts = new int[resamples][n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                counts[b][random.nextInt(n)]++;
            }
        }
        return counts;
    }

    /** The {@code q}-quantile (0..1) by the nearest-rank rule; +∞ values sort last. */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
