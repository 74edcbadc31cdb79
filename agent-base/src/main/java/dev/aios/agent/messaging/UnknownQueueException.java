package dev.aios.agent.messaging;

/** A queue name that is not one of the dead-letter queues this service declared. */
public class UnknownQueueException extends RuntimeException {
    public UnknownQueueException(String queue) {
        super("unknown dead-letter queue: '" + queue + "'");
    }
}
