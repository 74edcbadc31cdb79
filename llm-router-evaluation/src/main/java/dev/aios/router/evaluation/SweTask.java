package dev.aios.router.evaluation;

import static java.util.Objects.requireNonNull;

import dev.aios.router.policy.RoutingRequest;
import java.util.Map;
import java.util.Optional;

/**
 * One SWE-bench Verified issue: its id, repository and problem statement (the text a router may read; the gold
 * patch is never loaded), and every model's run on it through the same agent.
 */
record SweTask(String id, String repo, String problem, Map<String, Run> runs) {

    /** One model's attempt: resolved or not, the dollars it cost, and how many model calls the agent made. */
    record Run(boolean resolved, double costUsd, int apiCalls) {}

    SweTask {
        requireNonNull(id, "id");
        requireNonNull(repo, "repo");
        requireNonNull(problem, "problem");
        runs = Map.copyOf(runs);
    }

    Run run(String model) {
        Run run = runs.get(model);
        if (run == null) {
            throw new IllegalArgumentException("no run of model '" + model + "' on " + id);
        }
        return run;
    }

    /** The request a router sees: the issue text and nothing else (no role, kind or hint, as in the measurement). */
    RoutingRequest request() {
        return new RoutingRequest("", "", "", 0, problem, 1, 0, 0, Optional.empty(), Optional.empty());
    }

    /** The share of all models that failed this issue: the fit's label, smoother than any one model's outcome. */
    double difficulty() {
        long failed = runs.values().stream().filter(r -> !r.resolved()).count();
        return (double) failed / runs.size();
    }
}
