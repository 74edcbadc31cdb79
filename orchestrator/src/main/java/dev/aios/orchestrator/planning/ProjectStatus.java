package dev.aios.orchestrator.planning;

/** Where a project is in its life. */
public enum ProjectStatus {
    NEW,
    PLANNING,
    RUNNING,
    PAUSED,
    /** The backlog or the next sprint's plan waits for a person (ADR 0014). */
    AWAITING_APPROVAL,
    DELIVERED,
    STOPPED,
    /** No model could answer the project's calls: ended with the reason, never delivered. */
    FAILED;

    public boolean terminal() {
        return this == DELIVERED || this == STOPPED || this == FAILED;
    }
}
