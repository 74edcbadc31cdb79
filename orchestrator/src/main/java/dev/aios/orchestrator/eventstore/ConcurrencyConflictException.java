package dev.aios.orchestrator.eventstore;

/** Another writer appended to the stream since it was read: reload and decide again, never overwrite. */
public class ConcurrencyConflictException extends RuntimeException {
    public ConcurrencyConflictException(String streamId, long expectedVersion) {
        super("stream " + streamId + " is no longer at version " + expectedVersion);
    }
}
