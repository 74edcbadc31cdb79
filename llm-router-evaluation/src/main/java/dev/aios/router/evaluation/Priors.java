package dev.aios.router.evaluation;

import dev.aios.router.policy.TaskFeatures;
import java.util.Map;

/**
 * The weights no public outcome data can fit, set by judgement and written into the model as {@code prior}:
 * what AIOS knows about a task (criteria, dependencies, context, estimate, the CTO's hint, role, kind) and the scope
 * cues. Units: logit per unit of the feature (see {@link TaskFeatures}); docs/router-evaluation.md gives the reasons.
 */
final class Priors {

    static final Map<String, Double> WEIGHTS = Map.ofEntries(
            // per log(1 + count) of cues: three design cues add about +1, a rename about -0.5
            Map.entry("design_scope", 0.75),
            Map.entry("hard_debugging", 0.75),
            Map.entry("small_change", -0.75),
            // per doubling of (criteria + 1) around three criteria, of (dependencies + 1) around one, of context around
            // 4k tokens
            Map.entry("acceptance_criteria", 0.25),
            Map.entry("dependencies", 0.15),
            Map.entry("context_tokens", 0.1),
            Map.entry("expected_output", 0.1),
            Map.entry("files_involved", 0.2),
            // per doubling of the estimate around 3 points; per level of the CTO's hint (low -1, high +1)
            Map.entry("estimate_points", 0.4),
            Map.entry("complexity_hint", 1.0),
            Map.entry("role_cto", 0.5),
            Map.entry("task_reasoning", 0.5),
            Map.entry("task_light", -0.5));

    private Priors() {}

    static double weight(String feature) {
        return WEIGHTS.getOrDefault(feature, 0.0);
    }

    /** The priors' part of the logit for a feature vector, leaving out the features being fitted: the fit's offset. */
    static double offset(double[] x, boolean[] fitted) {
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += fitted[i] ? 0 : weight(TaskFeatures.NAMES.get(i)) * x[i];
        }
        return z;
    }
}
