package dev.aios.orchestrator.budget;

import java.util.UUID;

/** No router to ask: every reading says so. */
final class DisabledRouterLedger implements RouterLedger {
    @Override
    public Reading read(UUID projectId) {
        return new Reading.NotConfigured();
    }
}
