package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** Exactly one outcome per assignment. */
public sealed interface TaskOutcome {
    Usage usage();

    record Completed(
            Changeset changeset, String summary, Usage usage, Optional<ReviewResult> review, Provenance provenance)
            implements TaskOutcome {
        public Completed {
            requireNonNull(changeset, "changeset");
            requireNonNull(summary, "summary");
            requireNonNull(usage, "usage");
            requireNonNull(review, "review");
            requireNonNull(provenance, "provenance");
        }

        /** A result no model call produced (e.g. QA's sandboxed test run). */
        public Completed(Changeset changeset, String summary, Usage usage, Optional<ReviewResult> review) {
            this(changeset, summary, usage, review, Provenance.NONE);
        }
    }

    /**
     * {@code fatalToProject}: no model can answer this project's calls, so retrying or re-planning cannot help. {@code budgetExhausted}: the
     * router's budget ledger refused a call, so the project waits for a raised budget.
     */
    record Failed(String reason, boolean retriable, Usage usage, boolean fatalToProject, boolean budgetExhausted)
            implements TaskOutcome {
        public Failed {
            requireNonNull(reason, "reason");
            requireNonNull(usage, "usage");
        }

        public Failed(String reason, boolean retriable, Usage usage, boolean fatalToProject) {
            this(reason, retriable, usage, fatalToProject, false);
        }

        public Failed(String reason, boolean retriable, Usage usage) {
            this(reason, retriable, usage, false, false);
        }
    }
}
