package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Exactly one outcome per planning request. */
public sealed interface PlanOutcome {
    Usage usage();

    record Proposed(String architectureNotes, List<TaskDefinition> tasks, Usage usage, Provenance provenance)
            implements PlanOutcome {
        public Proposed {
            requireNonNull(architectureNotes, "architecture notes");
            tasks = List.copyOf(tasks);
            requireNonNull(usage, "usage");
            requireNonNull(provenance, "provenance");
        }

        public Proposed(String architectureNotes, List<TaskDefinition> tasks, Usage usage) {
            this(architectureNotes, tasks, usage, Provenance.NONE);
        }
    }

    /**
     * {@code fatalToProject}: no model can answer this project's calls, so re-planning cannot help. {@code budgetExhausted}: the
     * router's budget ledger refused a call, so the project waits for a raised budget.
     */
    record Failed(String reason, boolean retriable, Usage usage, boolean fatalToProject, boolean budgetExhausted)
            implements PlanOutcome {
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
