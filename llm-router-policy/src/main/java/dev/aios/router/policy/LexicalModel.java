package dev.aios.router.policy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * The learned lexical part of the complexity score: one weight per hash bucket of the prompt's word n-grams
 * ({@link HashedTerms}), added to the logit as {@code Σ weight[bucket]·value}. Stored in the model resource as
 * little-endian float32s in Base64 with a CRC-32, so a truncated or edited resource fails at load time.
 */
public record LexicalModel(int buckets, int maxN, int prefixChars, float[] weights) {

    static final String PREFIX = "lexical.";

    public LexicalModel {
        HashedTerms.checkShape(buckets, maxN, prefixChars);
        if (weights.length != buckets) {
            throw new IllegalArgumentException("a lexical model with " + buckets + " buckets needs " + buckets + " weights, got "
                    + weights.length);
        }
        for (float w : weights) {
            if (!Float.isFinite(w)) {
                throw new IllegalArgumentException("lexical weights must be finite, got " + w);
            }
        }
        weights = weights.clone();
    }

    public HashedTerms terms(String prompt) {
        return HashedTerms.of(prompt, buckets, maxN, prefixChars);
    }

    /** The lexical term of the logit. */
    public double logit(HashedTerms terms) {
        double z = 0;
        for (int k = 0; k < terms.size(); k++) {
            z += weights[terms.bucket(k)] * terms.value(k);
        }
        return z;
    }

    /** The contribution of the {@code k}-th distinct bucket of {@code terms} to the logit. */
    public double contribution(HashedTerms terms, int k) {
        return weights[terms.bucket(k)] * terms.value(k);
    }

    /** Buckets with a non-zero weight; a measure of how much of the table the fit used. */
    public int nonZeroWeights() {
        int n = 0;
        for (float w : weights) {
            n += w != 0 ? 1 : 0;
        }
        return n;
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    void write(StringBuilder b) {
        ByteBuffer bytes = ByteBuffer.allocate(weights.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float w : weights) {
            bytes.putFloat(w);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.array());
        b.append(PREFIX).append("buckets=").append(buckets).append('\n');
        b.append(PREFIX).append("max_n=").append(maxN).append('\n');
        b.append(PREFIX).append("prefix_chars=").append(prefixChars).append('\n');
        b.append(PREFIX).append("weights.encoding=float32-le-base64\n");
        b.append(PREFIX).append("weights.crc32=").append(Long.toHexString(crc.getValue())).append('\n');
        b.append(PREFIX).append("weights=").append(Base64.getEncoder().encodeToString(bytes.array())).append('\n');
    }

    /** Reads the {@code lexical.*} keys; every way the block can be damaged is an {@link IllegalArgumentException}. */
    static LexicalModel read(Properties p) {
        int buckets = integer(p, "buckets"), maxN = integer(p, "max_n"), prefixChars = integer(p, "prefix_chars");
        String encoding = required(p, "weights.encoding");
        if (!encoding.equals("float32-le-base64")) {
            throw new IllegalArgumentException("lexical weights use an unknown encoding '" + encoding + "'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(required(p, "weights"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lexical weights are not valid Base64: " + e.getMessage(), e);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        String expected = required(p, "weights.crc32");
        if (!Long.toHexString(crc.getValue()).equals(expected)) {
            throw new IllegalArgumentException("lexical weights fail their checksum (crc32 " + Long.toHexString(crc.getValue())
                    + ", resource says " + expected + "): the resource is corrupt");
        }
        if (bytes.length != (long) buckets * Float.BYTES) {
            throw new IllegalArgumentException("lexical weights hold " + bytes.length + " bytes, but " + buckets + " buckets need "
                    + (long) buckets * Float.BYTES);
        }
        float[] weights = new float[buckets];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(weights);
        return new LexicalModel(buckets, maxN, prefixChars, weights);
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(PREFIX + key);
        if (value == null) {
            throw new IllegalArgumentException("complexity model lacks '" + PREFIX + key + "'");
        }
        return value.strip();
    }

    private static int integer(Properties p, String key) {
        String value = required(p, key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("complexity model '" + PREFIX + key + "' is not an integer: " + value, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LexicalModel m && buckets == m.buckets && maxN == m.maxN && prefixChars == m.prefixChars
                && Arrays.equals(weights, m.weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + buckets;
    }

    @Override
    public String toString() {
        return "LexicalModel[" + buckets + " buckets, n<=" + maxN + ", prefix " + prefixChars + " chars]";
    }
}
