package dev.aios.router.evaluation;

import static java.util.Objects.requireNonNull;

import dev.aios.router.policy.ComplexityModel;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * A fitted way to score SWE-bench tasks (higher = harder). {@code shippable} ones are {@link ComplexityModel}s the
 * router computes at run time; the others (embeddings, n-grams) are evaluated for comparison only.
 */
record SweScorer(String name, boolean shippable, ToDoubleFunction<SweTask> scorer, Optional<ComplexityModel> model) {
    SweScorer {
        requireNonNull(name, "name");
        requireNonNull(scorer, "scorer");
        requireNonNull(model, "model");
    }

    double score(SweTask task) {
        return scorer.applyAsDouble(task);
    }

    double[] scores(List<SweTask> tasks) {
        return tasks.stream().mapToDouble(this::score).toArray();
    }
}
