package dev.aios.agent.messaging;

/** A running consumer; closing it cancels the subscription and closes its channels (unacked messages return). */
public interface ConsumerHandle extends AutoCloseable {
    String queue();

    boolean isRunning();

    /**
     * Deliveries not settled yet: in the handler's hands, or waiting for the confirm of their retry or dead-letter copy.
     * Closing gives exactly these back to the broker; what is settled is acked by the close.
     */
    int inProgress();

    @Override
    void close();
}
