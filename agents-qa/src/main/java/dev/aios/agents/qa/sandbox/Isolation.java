package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

/** How generated code is kept away from the host here: decided once, at start, by {@link IsolationProbe}. */
sealed interface Isolation {
    /** Every run goes through the launcher; {@code proc} says which /proc the sandbox gets. */
    record Namespaces(NamespaceLauncher launcher, String proc) implements Isolation {
        public Namespaces {
            requireNonNull(launcher, "launcher");
            requireNonNull(proc, "proc");
        }
    }

    /** No sandbox can be built here, and why. */
    record Unavailable(String reason) implements Isolation {
        public Unavailable {
            requireNonNull(reason, "reason");
        }
    }
}
