package dev.aios.agent.messaging;

/** Bytes that are not a valid envelope or payload; deterministic, so the message goes straight to the DLQ. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
