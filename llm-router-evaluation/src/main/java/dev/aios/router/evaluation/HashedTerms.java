package dev.aios.router.evaluation;

import java.util.Arrays;

/**
 * The word n-grams of a bounded prompt prefix, hashed into a power-of-two number of buckets (feature hashing):
 * words are runs of letters and digits, lower-cased, every digit read as {@code 0}. Each distinct bucket carries
 * {@code log(1 + count)}, scaled so that the vector has length 1, and remembers where its first n-gram occurred
 * so that an explanation can name the term. One pass over the prefix with a small open-addressing table.
 */
public final class HashedTerms {

    public static final HashedTerms EMPTY = new HashedTerms(new int[0], new int[0], new int[0], new int[0], 0);

    /** Largest bucket count: 2^20 buckets of float weights would already be 4 MB of model. */
    public static final int MAX_BUCKETS = 1 << 20;

    private static final int SEED_UNIGRAM = 0x2545F491;
    private static final int SEED_BIGRAM = 0x9E3779B9;

    private final int[] buckets;
    private final int[] counts;
    private final int[] starts;
    private final int[] ends;
    private final double[] values;

    private HashedTerms(int[] buckets, int[] counts, int[] starts, int[] ends, int size) {
        this.buckets = size == buckets.length ? buckets : Arrays.copyOf(buckets, size);
        this.counts = size == counts.length ? counts : Arrays.copyOf(counts, size);
        this.starts = size == starts.length ? starts : Arrays.copyOf(starts, size);
        this.ends = size == ends.length ? ends : Arrays.copyOf(ends, size);
        this.values = new double[size];
        double square = 0;
        for (int k = 0; k < size; k++) {
            values[k] = Math.log1p(this.counts[k]);
            square += values[k] * values[k];
        }
        double norm = Math.sqrt(square);
        for (int k = 0; k < size; k++) {
            values[k] /= norm;
        }
    }

    /**
     * Hashes the unigrams (and bigrams when {@code maxN} is 2) of the first {@code prefixChars} characters of
     * {@code prompt} into {@code bucketCount} buckets.
     */
    public static HashedTerms of(String prompt, int bucketCount, int maxN, int prefixChars) {
        checkShape(bucketCount, maxN, prefixChars);
        int end = Math.min(prompt.length(), prefixChars);
        // about one distinct term per four characters to start with; the table grows when a prompt has more
        Table table = new Table(Math.max(16, Integer.highestOneBit(Math.max(1, end / 4)) * 2));
        int mask = bucketCount - 1;
        int previousHash = 0, previousStart = -1;
        int i = 0;
        while (i < end) {
            char c = prompt.charAt(i);
            if (!isTermChar(c)) {
                i++;
                continue;
            }
            int start = i;
            int h = 0x811C9DC5;
            while (i < end && isTermChar(c = prompt.charAt(i))) {
                h = (h ^ normalise(c)) * 0x01000193;
                i++;
            }
            table.add(mix(h ^ SEED_UNIGRAM) & mask, start, i);
            if (maxN == 2 && previousStart >= 0) {
                table.add(mix(previousHash * 31 + (h ^ SEED_BIGRAM)) & mask, previousStart, i);
            }
            previousHash = h;
            previousStart = start;
        }
        return table.terms();
    }

    /**
     * The same terms hashed into {@code smaller} buckets (a power of two that divides the current count): what
     * {@link #of} would return with {@code smaller} buckets, without reading the prompt again. For model fitting.
     */
    public HashedTerms fold(int smaller) {
        Table table = new Table(Math.max(16, Integer.highestOneBit(Math.max(1, buckets.length)) * 4));
        for (int k = 0; k < buckets.length; k++) {
            table.add(buckets[k] & (smaller - 1), starts[k], ends[k], counts[k]);
        }
        return table.terms();
    }

    public int size() {
        return buckets.length;
    }

    public int bucket(int k) {
        return buckets[k];
    }

    /** The normalised value of the {@code k}-th distinct bucket. */
    public double value(int k) {
        return values[k];
    }

    public int count(int k) {
        return counts[k];
    }

    /** The first n-gram that fell into the {@code k}-th bucket, as the hash saw it: lower case, digits as 0. */
    public String term(String prompt, int k) {
        StringBuilder b = new StringBuilder(ends[k] - starts[k]);
        boolean gap = false;
        for (int i = starts[k]; i < ends[k]; i++) {
            char c = prompt.charAt(i);
            if (isTermChar(c)) {
                if (gap && !b.isEmpty()) {
                    b.append(' ');
                }
                b.append(normalise(c));
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    static void checkShape(int bucketCount, int maxN, int prefixChars) {
        if (bucketCount < 2 || bucketCount > MAX_BUCKETS || Integer.bitCount(bucketCount) != 1) {
            throw new IllegalArgumentException(
                    "hashed terms need a power-of-two bucket count in [2, " + MAX_BUCKETS + "], got " + bucketCount);
        }
        if (maxN != 1 && maxN != 2) {
            throw new IllegalArgumentException(
                    "hashed terms are unigrams (1) or unigrams and bigrams (2), got n = " + maxN);
        }
        if (prefixChars < 1) {
            throw new IllegalArgumentException("the hashed prefix needs at least one character, got " + prefixChars);
        }
    }

    private static boolean isTermChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || (c > 127 && Character.isLetterOrDigit(c));
    }

    private static char normalise(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (c <= 127) {
            return c >= '0' && c <= '9' ? '0' : c;
        }
        return Character.isDigit(c) ? '0' : Character.toLowerCase(c);
    }

    /** MurmurHash3's finaliser: FNV alone leaves the low bits, which pick the bucket, poorly mixed. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** Open addressing keyed by bucket + 1 (0 = free); distinct buckets are kept in first-seen order. */
    private static final class Table {
        private int[] slots;
        private int[] buckets;
        private int[] counts;
        private int[] starts;
        private int[] ends;
        private int size;

        Table(int capacity) {
            slots = new int[capacity];
            buckets = new int[capacity / 2];
            counts = new int[capacity / 2];
            starts = new int[capacity / 2];
            ends = new int[capacity / 2];
        }

        void add(int bucket, int start, int end) {
            add(bucket, start, end, 1);
        }

        void add(int bucket, int start, int end, int count) {
            int mask = slots.length - 1;
            int slot = mix(bucket) & mask;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    break;
                }
                if (buckets[entry - 1] == bucket) {
                    counts[entry - 1] += count;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            if (size == buckets.length) {
                grow();
                add(bucket, start, end, count);
                return;
            }
            buckets[size] = bucket;
            counts[size] = count;
            starts[size] = start;
            ends[size] = end;
            size++;
            slots[slot] = size;
        }

        private void grow() {
            int capacity = slots.length * 2;
            slots = new int[capacity];
            buckets = Arrays.copyOf(buckets, capacity / 2);
            counts = Arrays.copyOf(counts, capacity / 2);
            starts = Arrays.copyOf(starts, capacity / 2);
            ends = Arrays.copyOf(ends, capacity / 2);
            int mask = capacity - 1;
            for (int k = 0; k < size; k++) {
                int slot = mix(buckets[k]) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = k + 1;
            }
        }

        HashedTerms terms() {
            return size == 0 ? EMPTY : new HashedTerms(buckets, counts, starts, ends, size);
        }
    }
}
