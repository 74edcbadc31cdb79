package dev.aios.orchestrator.planning;

/** A backlog task's state; PENDING with attempt > 0 means it waits for a re-assignment. */
public enum TaskStatus {
    PENDING,
    ASSIGNED,
    DONE,
    ABANDONED,
    BLOCKED,
    /** Its changeset is risky and waits for a person before it is applied (ADR 0014). */
    AWAITING_APPROVAL;

    public boolean settled() {
        return this == DONE || this == ABANDONED || this == BLOCKED;
    }
}
