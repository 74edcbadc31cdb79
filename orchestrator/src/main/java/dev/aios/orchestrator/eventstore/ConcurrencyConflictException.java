package dev.aios.orchestrator.eventstore;

/** Another writer appended to the stream since it was read: reload and decide again, never overwrite. */
public class ConcurrencyConflictException extends RuntimeException {
    public ConcurrencyConflictException(String streamId, long expectedVersion) {
        super("stream " + streamId + " is no longer at version " + expectedVersion);
    }

    /** A batch append across streams: which stream lost is in the database's message. */
    public ConcurrencyConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
