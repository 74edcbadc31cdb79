package dev.aios.agent.messaging;

/**
 * Idempotent consumption keyed by event id. A consumer asks {@link #alreadyProcessed} before the work and records
 * the event with {@link #firstTime} once its outcome is durable, so a redelivery after a crash is redone, not lost.
 */
public interface InboxStore {
    /** Atomically records the event; true if it was not recorded before (the caller's effect is the first). */
    boolean firstTime(String consumer, String eventId);

    boolean alreadyProcessed(String consumer, String eventId);
}
