package dev.aios.agent;

/** Trying again later may help: the message goes through the retry queues with backoff, then to the DLQ. */
public class TransientFailureException extends RuntimeException {
    public TransientFailureException(String message) {
        super(message);
    }

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
