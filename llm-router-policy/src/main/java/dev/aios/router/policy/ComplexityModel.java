package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A logistic model over {@link TaskFeatures}: {@code score = sigmoid(intercept + Σ weight·(x - mean)/scale)}, the
 * estimated chance that a software task defeats a typical model, and the two thresholds that turn it into a tier.
 * Each feature's weight is {@code fitted} (from public outcomes, see {@link #provenance}) or a {@code prior}
 * (judgement, written down in docs/router-evaluation.md). Shipped as a versioned resource written by the
 * evaluation's fit command, so production scores with exactly the coefficients that were evaluated.
 */
public record ComplexityModel(
        String version,
        String provenance,
        String license,
        double intercept,
        double[] means,
        double[] scales,
        double[] weights,
        boolean[] fitted,
        Thresholds thresholds) {

    /** The classpath resource the default policy loads. */
    public static final String RESOURCE = "/dev/aios/router/policy/complexity-model.properties";

    public ComplexityModel {
        requireNonNull(version, "version");
        requireNonNull(provenance, "provenance");
        requireNonNull(license, "license");
        requireNonNull(thresholds, "thresholds");
        int n = TaskFeatures.SIZE;
        if (means.length != n || scales.length != n || weights.length != n || fitted.length != n) {
            throw new IllegalArgumentException("a complexity model needs exactly " + n + " features");
        }
        for (int i = 0; i < n; i++) {
            if (!(scales[i] > 0) || !Double.isFinite(means[i]) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("feature " + TaskFeatures.NAMES.get(i)
                        + " needs a finite mean and weight and a positive scale");
            }
        }
        means = means.clone();
        scales = scales.clone();
        weights = weights.clone();
        fitted = fitted.clone();
    }

    /** The score in (0, 1) of a request: higher means a stronger model is more likely to be needed. */
    public double score(RoutingRequest request) {
        return score(TaskFeatures.extract(request));
    }

    /** The score from already extracted features. */
    public double score(double[] features) {
        return 1 / (1 + Math.exp(-logit(features)));
    }

    public double logit(double[] features) {
        double z = intercept;
        for (int i = 0; i < features.length; i++) {
            z += contribution(i, features[i]);
        }
        return z;
    }

    /** What feature {@code i} with value {@code x} adds to the logit. */
    public double contribution(int i, double x) {
        return weights[i] * (x - means[i]) / scales[i];
    }

    public ComplexityModel withThresholds(Thresholds newThresholds) {
        return new ComplexityModel(
                version, provenance, license, intercept, means, scales, weights, fitted, newThresholds);
    }

    /** {@code fitted}, {@code prior} (a weight set by judgement), or {@code unused} (weight 0, not fitted). */
    public String source(int feature) {
        return fitted[feature] ? "fitted" : weights[feature] == 0 ? "unused" : "prior";
    }

    /** The shipped model; a missing or damaged resource is an {@link IllegalStateException} naming it, never a fallback. */
    public static ComplexityModel loadDefault() {
        return load(RESOURCE);
    }

    static ComplexityModel load(String resource) {
        try (InputStream in = ComplexityModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "complexity model resource " + resource + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "complexity model resource " + resource + " is corrupt: " + e.getMessage(), e);
        }
    }

    public static ComplexityModel read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return fromProperties(p);
    }

    static ComplexityModel fromProperties(Properties p) {
        int n = TaskFeatures.SIZE;
        double[] means = new double[n], scales = new double[n], weights = new double[n];
        boolean[] fitted = new boolean[n];
        List<String> names = TaskFeatures.NAMES;
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("feature.")
                    && !names.contains(key.substring("feature.".length(), Math.max(8, key.lastIndexOf('.'))))) {
                throw new IllegalArgumentException("complexity model names an unknown feature in '" + key + "'");
            }
        }
        for (int i = 0; i < n; i++) {
            String key = "feature." + names.get(i) + ".";
            means[i] = number(p, key + "mean");
            scales[i] = number(p, key + "scale");
            weights[i] = number(p, key + "weight");
            String source = required(p, key + "source");
            if (!source.equals("fitted") && !source.equals("prior") && !source.equals("unused")) {
                throw new IllegalArgumentException(
                        "'" + key + "source' must be fitted, prior or unused, got " + source);
            }
            if (source.equals("unused") && weights[i] != 0) {
                throw new IllegalArgumentException("'" + key + "source' says unused but its weight is " + weights[i]);
            }
            fitted[i] = source.equals("fitted");
        }
        Thresholds thresholds = new Thresholds(number(p, "threshold.gpt"), number(p, "threshold.claude"));
        return new ComplexityModel(
                required(p, "version"),
                p.getProperty("provenance", ""),
                required(p, "license"),
                number(p, "intercept"),
                means,
                scales,
                weights,
                fitted,
                thresholds);
    }

    /**
     * Writes the resource format: the header comment lines first (licence and attribution of the data the model
     * was fitted on), then the features in vector order so that diffs between fits stay readable.
     */
    public void write(Writer out, List<String> header) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : header) {
            b.append("# ").append(line).append('\n');
        }
        b.append(
                "# Complexity model for ComplexityRoutingPolicy. Written by RouterEvaluation --fit; do not edit by hand.\n");
        b.append("version=").append(version).append('\n');
        b.append("provenance=").append(provenance.replace("\n", " ")).append('\n');
        b.append("license=").append(license.replace("\n", " ")).append('\n');
        b.append("intercept=").append(intercept).append('\n');
        b.append("threshold.gpt=").append(thresholds.gpt()).append('\n');
        b.append("threshold.claude=").append(thresholds.claude()).append('\n');
        for (int i = 0; i < TaskFeatures.SIZE; i++) {
            String key = "feature." + TaskFeatures.NAMES.get(i) + ".";
            b.append(key).append("source=").append(source(i)).append('\n');
            b.append(key).append("mean=").append(means[i]).append('\n');
            b.append(key).append("scale=").append(scales[i]).append('\n');
            b.append(key).append("weight=").append(weights[i]).append('\n');
        }
        out.write(b.toString());
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("complexity model lacks '" + key + "'");
        }
        return value.strip();
    }

    private static double number(Properties p, String key) {
        String value = required(p, key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("complexity model '" + key + "' is not a number: " + value, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexityModel m
                && version.equals(m.version)
                && intercept == m.intercept
                && Arrays.equals(means, m.means)
                && Arrays.equals(scales, m.scales)
                && Arrays.equals(weights, m.weights)
                && Arrays.equals(fitted, m.fitted)
                && thresholds.equals(m.thresholds);
    }

    @Override
    public int hashCode() {
        return version.hashCode() * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ComplexityModel[" + version + ", thresholds=" + thresholds + "]";
    }
}
