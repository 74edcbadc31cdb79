package dev.aios.agent.messaging;

/** The broker did not take responsibility for a message: nacked, returned as unroutable, or not confirmed in time. */
public class PublishFailedException extends RuntimeException {
    public enum Cause {
        NACKED,
        RETURNED,
        TIMED_OUT,
        CONNECTION_LOST
    }

    private final Cause failure;

    public PublishFailedException(Cause failure, String message) {
        super(message);
        this.failure = failure;
    }

    public Cause failure() {
        return failure;
    }
}
