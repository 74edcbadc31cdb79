package dev.aios.agent.persona;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.Usage;

/** How a structured model call ended: a usable value, or a reason it could not produce one. */
public sealed interface CallResult<T> {
    Usage usage();

    /** {@code scripted}: no live model produced it (the router's scripted provider); summaries must say so. */
    record Parsed<T>(T value, Usage usage, boolean scripted, boolean repaired) implements CallResult<T> {
        public Parsed {
            requireNonNull(value, "value");
            requireNonNull(usage, "usage");
        }
    }

    record Rejected<T>(String reason, boolean retriable, Usage usage) implements CallResult<T> {
        public Rejected {
            requireNonNull(reason, "reason");
            requireNonNull(usage, "usage");
        }
    }
}
