package dev.aios.agent.messaging.internal;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.aios.agent.messaging.MissingTopologyException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that an exchange or queue exists with a passive declaration (which needs no configure permission), waiting up
 * to {@code wait} for another process (the orchestrator) to declare it; then {@link MissingTopologyException}.
 */
public final class PassiveTopologyCheck {
    private static final Logger log = LoggerFactory.getLogger(PassiveTopologyCheck.class);

    private final Connection connection;
    private final Duration wait;

    public PassiveTopologyCheck(Connection connection, Duration wait) {
        this.connection = requireNonNull(connection, "connection");
        this.wait = requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("topology wait must not be negative: " + wait);
        }
    }

    public void exchangeExists(String exchange) {
        exists("exchange", exchange, channel -> channel.exchangeDeclarePassive(exchange));
    }

    public void queueExists(String queue) {
        exists("queue", queue, channel -> channel.queueDeclarePassive(queue));
    }

    private void exists(String kind, String name, Check check) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean logged = false;
        while (true) {
            try {
                once(kind, name, check);
                return;
            } catch (MissingTopologyException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                if (!logged) {
                    log.warn(
                            "{} '{}' is not declared yet; waiting up to {} for the orchestrator or provisioner",
                            kind,
                            name,
                            wait);
                    logged = true;
                }
                pause();
            }
        }
    }

    private void once(String kind, String name, Check check) {
        // a missing exchange or queue closes the channel with 404 NOT_FOUND
        try (Channel channel = connection.createChannel()) {
            check.run(channel);
        } catch (IOException e) {
            throw new MissingTopologyException(kind, name, reasonOf(e));
        } catch (com.rabbitmq.client.AlreadyClosedException | TimeoutException e) {
            throw new IllegalStateException("checking " + kind + " '" + name + "' failed: " + e.getMessage(), e);
        }
    }

    private static String reasonOf(IOException e) {
        return e.getCause() instanceof ShutdownSignalException signal
                ? signal.getReason().toString()
                : String.valueOf(e.getMessage());
    }

    private static void pause() {
        try {
            Thread.sleep(1_000); // startup only: the declaring service is another process, there is nothing to await
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker topology", e);
        }
    }

    @FunctionalInterface
    private interface Check {
        void run(Channel channel) throws IOException;
    }
}
