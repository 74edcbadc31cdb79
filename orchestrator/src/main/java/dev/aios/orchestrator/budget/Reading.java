package dev.aios.orchestrator.budget;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** What the router said about a project's budget, or why nothing is known. */
public sealed interface Reading {
    /** One sentence for people: where the figure comes from or why there is none. */
    String explanation();

    /**
     * The router's ledger for the project. {@code limitMicros} and {@code leftMicros} are null while no call of the
     * project has named a limit.
     */
    record Reported(
            @Nullable Long limitMicros,
            long spentMicros,
            long reservedMicros,
            @Nullable Long leftMicros) implements Reading {
        public Reported {
            if (spentMicros < 0 || reservedMicros < 0) {
                throw new IllegalArgumentException("spent and reserved cannot be negative");
            }
        }

        @Override
        public String explanation() {
            return "the LLM router's budget ledger: what running calls hold for their worst case until they are settled";
        }
    }

    /** The router's ledger holds nothing for the project: no call of it was metered, so none holds money there. */
    record NothingMetered() implements Reading {
        @Override
        public String explanation() {
            return "the LLM router's budget ledger holds nothing for this project: no call of it is metered yet,"
                    + " and replayed recordings never are";
        }
    }

    /** This orchestrator has no router address or token for reading the ledger. */
    record NotConfigured() implements Reading {
        @Override
        public String explanation() {
            return "this orchestrator is not configured to read the LLM router's budget ledger:"
                    + " set AIOS_ROUTER_URL and AIOS_ROUTER_TOKEN";
        }
    }

    /** The router could not be asked or did not answer with a ledger. */
    record Unavailable(String why) implements Reading {
        public Unavailable {
            requireNonNull(why, "why");
        }

        @Override
        public String explanation() {
            return "the LLM router's budget ledger could not be read: " + why;
        }
    }
}
