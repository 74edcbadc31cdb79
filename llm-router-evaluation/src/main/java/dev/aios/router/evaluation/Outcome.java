package dev.aios.router.evaluation;

import static java.util.Objects.requireNonNull;

import dev.aios.router.policy.RoutingRequest;

/** One evaluation prompt: the request the router sees and how well the weak and the strong model did on it. */
record Outcome(String id, RoutingRequest request, double weak, double strong) {
    Outcome {
        requireNonNull(id, "id");
        requireNonNull(request, "request");
    }

    /** The fit's label: the strong model did strictly better, so routing weak would have cost quality. */
    boolean strongNeeded() {
        return strong > weak;
    }
}
