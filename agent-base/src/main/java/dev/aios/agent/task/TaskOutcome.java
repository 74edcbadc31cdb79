package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Exactly one outcome per assignment. */
public sealed interface TaskOutcome {
    Usage usage();

    record Completed(Changeset changeset, String summary, Usage usage, Optional<ReviewResult> review)
            implements TaskOutcome {
        public Completed {
            requireNonNull(changeset, "changeset");
            requireNonNull(summary, "summary");
            requireNonNull(usage, "usage");
            requireNonNull(review, "review");
        }
    }

    record Failed(String reason, boolean retriable, Usage usage) implements TaskOutcome {
        public Failed {
            requireNonNull(reason, "reason");
            requireNonNull(usage, "usage");
        }
    }
}
