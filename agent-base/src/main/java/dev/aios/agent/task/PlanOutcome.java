package dev.aios.agent.task;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Exactly one outcome per planning request. */
public sealed interface PlanOutcome {
    Usage usage();

    record Proposed(String architectureNotes, List<TaskDefinition> tasks, Usage usage) implements PlanOutcome {
        public Proposed {
            requireNonNull(architectureNotes, "architecture notes");
            tasks = List.copyOf(tasks);
            requireNonNull(usage, "usage");
        }
    }

    record Failed(String reason, boolean retriable, Usage usage) implements PlanOutcome {
        public Failed {
            requireNonNull(reason, "reason");
            requireNonNull(usage, "usage");
        }
    }
}
