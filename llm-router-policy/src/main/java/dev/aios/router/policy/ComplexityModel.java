package dev.aios.router.policy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A logistic model over {@link RequestFeatures} and, optionally, the prompt's hashed word n-grams:
 * {@code score = sigmoid(intercept + Σ weight·(x - mean)/scale + Σ lexical weight·term value)}, the estimated
 * probability that the weak model would fail where the strong one succeeds, plus the two thresholds calibrated
 * on held-out data. Shipped as a versioned resource written by the fit command, so
 * production scores with exactly the coefficients that were evaluated.
 */
public record ComplexityModel(
        String version,
        String provenance,
        double intercept,
        double[] means,
        double[] scales,
        double[] weights,
        boolean[] fitted,
        Thresholds thresholds,
        Optional<LexicalModel> lexical) {

    /** The classpath resource the default policy loads. */
    public static final String RESOURCE = "/dev/aios/router/policy/complexity-model.properties";

    public ComplexityModel {
        requireNonNull(version, "version");
        requireNonNull(provenance, "provenance");
        requireNonNull(thresholds, "thresholds");
        requireNonNull(lexical, "lexical");
        int n = RequestFeatures.SIZE;
        if (means.length != n || scales.length != n || weights.length != n || fitted.length != n) {
            throw new IllegalArgumentException("a complexity model needs exactly " + n + " features");
        }
        for (double s : scales) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("feature scales must be positive, got " + s);
            }
        }
        means = means.clone();
        scales = scales.clone();
        weights = weights.clone();
        fitted = fitted.clone();
    }

    /** A model without a lexical part. */
    public ComplexityModel(String version, String provenance, double intercept, double[] means, double[] scales,
            double[] weights, boolean[] fitted, Thresholds thresholds) {
        this(version, provenance, intercept, means, scales, weights, fitted, thresholds, Optional.empty());
    }

    /** The score in (0, 1) of a request: higher means a stronger model is more likely to be needed. */
    public double score(RoutingRequest request) {
        return score(RequestFeatures.extract(request), terms(request.prompt()));
    }

    /** The score from already extracted features and terms ({@link #terms}). */
    public double score(double[] features, HashedTerms terms) {
        double z = intercept + lexicalLogit(terms);
        for (int i = 0; i < features.length; i++) {
            z += weights[i] * (features[i] - means[i]) / scales[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The score of the features alone: for a prompt without text, or a model without a lexical part. */
    public double score(double[] features) {
        return score(features, HashedTerms.EMPTY);
    }

    /** The prompt's hashed terms as the lexical part reads them; empty when the model has none. */
    public HashedTerms terms(String prompt) {
        return lexical.isPresent() ? lexical.get().terms(prompt) : HashedTerms.EMPTY;
    }

    /** The lexical part's contribution to the logit. */
    public double lexicalLogit(HashedTerms terms) {
        return lexical.isPresent() ? lexical.get().logit(terms) : 0;
    }

    public ComplexityModel withThresholds(Thresholds newThresholds) {
        return new ComplexityModel(version, provenance, intercept, means, scales, weights, fitted, newThresholds, lexical);
    }

    /** The shipped model; a missing or damaged resource is an {@link IllegalStateException} naming it, never a fallback. */
    public static ComplexityModel loadDefault() {
        return load(RESOURCE);
    }

    static ComplexityModel load(String resource) {
        try (InputStream in = ComplexityModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("complexity model resource " + resource + " is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return fromProperties(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("complexity model resource " + resource + " is corrupt: " + e.getMessage(), e);
        }
    }

    public static ComplexityModel read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        return fromProperties(p);
    }

    static ComplexityModel fromProperties(Properties p) {
        int n = RequestFeatures.SIZE;
        double[] means = new double[n], scales = new double[n], weights = new double[n];
        boolean[] fitted = new boolean[n];
        List<String> names = RequestFeatures.NAMES;
        for (int i = 0; i < n; i++) {
            String key = "feature." + names.get(i) + ".";
            means[i] = number(p, key + "mean");
            scales[i] = number(p, key + "scale");
            weights[i] = number(p, key + "weight");
            fitted[i] = "fitted".equals(required(p, key + "source"));
        }
        Thresholds thresholds = new Thresholds(number(p, "threshold.gpt"), number(p, "threshold.claude"));
        String kind = required(p, "lexical");
        Optional<LexicalModel> lexical = switch (kind) {
            case "none" -> Optional.empty();
            case "hashed-ngrams" -> Optional.of(LexicalModel.read(p));
            default -> throw new IllegalArgumentException("complexity model 'lexical' must be none or hashed-ngrams, got " + kind);
        };
        return new ComplexityModel(
                required(p, "version"), p.getProperty("provenance", ""), number(p, "intercept"), means, scales, weights,
                fitted, thresholds, lexical);
    }

    /** Writes the resource format, features in vector order so that diffs between fits stay readable. */
    public void write(Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Complexity model for ComplexityRoutingPolicy. Written by RouterEvaluation --fit; do not edit by hand.\n");
        b.append("version=").append(version).append('\n');
        b.append("provenance=").append(provenance.replace("\n", " ")).append('\n');
        b.append("intercept=").append(intercept).append('\n');
        b.append("threshold.gpt=").append(thresholds.gpt()).append('\n');
        b.append("threshold.claude=").append(thresholds.claude()).append('\n');
        for (int i = 0; i < RequestFeatures.SIZE; i++) {
            String key = "feature." + RequestFeatures.NAMES.get(i) + ".";
            b.append(key).append("source=").append(source(i)).append('\n');
            b.append(key).append("mean=").append(means[i]).append('\n');
            b.append(key).append("scale=").append(scales[i]).append('\n');
            b.append(key).append("weight=").append(weights[i]).append('\n');
        }
        b.append("lexical=").append(lexical.isPresent() ? "hashed-ngrams" : "none").append('\n');
        lexical.ifPresent(l -> l.write(b));
        out.write(b.toString());
    }

    /** {@code fitted}, {@code prior} (a hand-set request signal) or {@code unused} (a text signal the fit left out). */
    public String source(int feature) {
        if (fitted[feature]) {
            return "fitted";
        }
        return RequestFeatures.REQUEST_SIGNALS.contains(RequestFeatures.NAMES.get(feature)) ? "prior" : "unused";
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
                && thresholds.equals(m.thresholds)
                && lexical.equals(m.lexical);
    }

    @Override
    public int hashCode() {
        return version.hashCode() * 31 + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "ComplexityModel[" + version + ", thresholds=" + thresholds + lexical.map(l -> ", " + l).orElse("") + "]";
    }
}
