package dev.aios.router.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of individually timed calls, and the line the benchmark prints for them. */
final class Latencies {
    private Latencies() {}

    /** The nearest-rank percentile {@code p} (0..1) of {@code nanos[from, from + count)}. */
    static long percentile(long[] nanos, int from, int count, double p) {
        long[] sorted = Arrays.copyOfRange(nanos, from, from + count);
        Arrays.sort(sorted);
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
    }

    static long percentile(long[] nanos, double p) {
        return percentile(nanos, 0, nanos.length, p);
    }

    static void print(String label, long[] nanos) {
        System.out.printf(
                Locale.ROOT,
                "%-32s p50 %9.3f µs   p99 %9.3f µs   p99.9 %9.3f µs   (n=%d)%n",
                label,
                percentile(nanos, 0.50) / 1e3,
                percentile(nanos, 0.99) / 1e3,
                percentile(nanos, 0.999) / 1e3,
                nanos.length);
    }
}
