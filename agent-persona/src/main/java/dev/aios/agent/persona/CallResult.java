package dev.aios.agent.persona;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.Provenance;
import dev.aios.agent.task.Usage;

/** How a structured model call ended: a usable value, or a reason it could not produce one. */
public sealed interface CallResult<T> {
    Usage usage();

    /** {@code provenance} says which prompt and model produced it and whether it was replayed from a recording. */
    record Parsed<T>(T value, Usage usage, Provenance provenance) implements CallResult<T> {
        public Parsed {
            requireNonNull(value, "value");
            requireNonNull(usage, "usage");
            requireNonNull(provenance, "provenance");
        }
    }

    /**
     * {@code fatalToProject}: no model can answer this project's calls (see {@code LlmCallException.Kind});
     * {@code budgetExhausted}: the router's budget ledger refused the call.
     */
    record Rejected<T>(String reason, boolean retriable, Usage usage, boolean fatalToProject, boolean budgetExhausted)
            implements CallResult<T> {
        public Rejected {
            requireNonNull(reason, "reason");
            requireNonNull(usage, "usage");
        }

        public Rejected(String reason, boolean retriable, Usage usage, boolean fatalToProject) {
            this(reason, retriable, usage, fatalToProject, false);
        }
    }
}
