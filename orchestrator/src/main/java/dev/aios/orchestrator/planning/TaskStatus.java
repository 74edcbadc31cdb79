package dev.aios.orchestrator.planning;

/** A backlog task's state; PENDING with attempt > 0 means it waits for a re-assignment. */
public enum TaskStatus {
    PENDING,
    ASSIGNED,
    DONE,
    ABANDONED,
    BLOCKED;

    public boolean settled() {
        return this == DONE || this == ABANDONED || this == BLOCKED;
    }
}
