package dev.aios.orchestrator.budget;

import java.util.UUID;

/** Reads one project's balance from the LLM router's budget ledger; never throws: a failure is a {@link Reading}. */
public interface RouterLedger {
    Reading read(UUID projectId);
}
