package dev.aios.orchestrator.planning;

/** Where a project is in its life. */
public enum ProjectStatus {
    NEW,
    PLANNING,
    RUNNING,
    PAUSED,
    DELIVERED,
    STOPPED;

    public boolean terminal() {
        return this == DELIVERED || this == STOPPED;
    }
}
