package dev.aios.router.evaluation;

import java.util.Locale;

/** A point estimate with a 95% interval; +∞ means "never reached". */
record Estimate(double value, double low, double high) {

    static Estimate of(double value, double[] resampled) {
        return new Estimate(value, Bootstrap.percentile(resampled, 0.025), Bootstrap.percentile(resampled, 0.975));
    }

    static Estimate exact(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    String asNumber() {
        return format("%.3f", 1);
    }

    String asPercent() {
        return format("%.1f%%", 100);
    }

    private String format(String pattern, double factor) {
        String point = show(pattern, factor, value);
        if (Double.isNaN(low)) {
            return point;
        }
        return point + " [" + show(pattern, factor, low) + ", " + show(pattern, factor, high) + "]";
    }

    private static String show(String pattern, double factor, double v) {
        if (Double.isInfinite(v)) {
            return "never";
        }
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, pattern, v * factor);
    }
}
