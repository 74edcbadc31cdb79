package dev.aios.agent.messaging;

/** A running consumer; closing it cancels the subscription and closes its channels (unacked messages return). */
public interface ConsumerHandle extends AutoCloseable {
    String queue();

    boolean isRunning();

    @Override
    void close();
}
