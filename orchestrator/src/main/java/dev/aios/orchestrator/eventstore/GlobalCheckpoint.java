package dev.aios.orchestrator.eventstore;

/**
 * Where a global-order reader stopped: the committing transaction id and the position inside it. Ordering by
 * (tx_id, position) and reading only below the oldest running transaction means a late commit is never
 * skipped (ADR 0001).
 */
public record GlobalCheckpoint(long txId, long position) {
    public static final GlobalCheckpoint START = new GlobalCheckpoint(0, 0);
}
