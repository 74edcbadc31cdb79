package dev.aios.router.policy.evaluation;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.HashedTerms;
import dev.aios.router.policy.LexicalModel;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Prints the buckets of a fitted lexical part with the largest weights, each named by the train n-gram that fills
 * it most often (and how many distinct train n-grams share it), so the fit can be read as words.
 */
final class LexicalSummary {
    static final int SHOWN = 15;

    private LexicalSummary() {}

    static void print(ComplexityModel model, List<List<Outcome>> train, PrintStream out) {
        if (model.lexical().isEmpty()) {
            out.println("lexical part: none");
            return;
        }
        LexicalModel lexical = model.lexical().get();
        Map<Integer, Map<String, Integer>> termsByBucket = new HashMap<>();
        for (List<Outcome> dataset : train) {
            for (Outcome o : dataset) {
                String prompt = o.request().prompt();
                HashedTerms whole = HashedTerms.of(prompt, lexical.buckets(), lexical.maxN(), lexical.prefixChars());
                // a bucket's first n-gram in a prompt stands for its whole count there: collisions within one prompt are rare
                for (int k = 0; k < whole.size(); k++) {
                    termsByBucket.computeIfAbsent(whole.bucket(k), b -> new HashMap<>())
                            .merge(whole.term(prompt, k), whole.count(k), Integer::sum);
                }
            }
        }
        float[] weights = lexical.weights();
        out.printf(Locale.ROOT, "lexical part: %d buckets, n<=%d, first %d chars; %d buckets hold a train n-gram, %d non-zero weights%n",
                lexical.buckets(), lexical.maxN(), lexical.prefixChars(), termsByBucket.size(), lexical.nonZeroWeights());
        List<Integer> order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer b) -> weights[b])).toList();
        out.println("weight    bucket  most frequent train n-gram in the bucket (distinct n-grams sharing it)");
        for (int r = 0; r < SHOWN; r++) {
            line(order.get(order.size() - 1 - r), weights, termsByBucket, out);
        }
        out.println("...");
        for (int r = SHOWN - 1; r >= 0; r--) {
            line(order.get(r), weights, termsByBucket, out);
        }
    }

    private static void line(int bucket, float[] weights, Map<Integer, Map<String, Integer>> termsByBucket, PrintStream out) {
        Map<String, Integer> terms = termsByBucket.getOrDefault(bucket, Map.of());
        String top = terms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> "'" + e.getKey() + "' x" + e.getValue()).orElse("(no train n-gram)");
        out.printf(Locale.ROOT, "%+8.4f  %6d  %s (%d)%n", weights[bucket], bucket, top, terms.size());
    }
}
