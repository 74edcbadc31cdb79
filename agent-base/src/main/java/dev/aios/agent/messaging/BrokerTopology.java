package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.aios.agent.Role;
import dev.aios.agent.messaging.internal.PassiveTopologyCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Declares the topology idempotently: {@code aios.commands} (direct) and {@code aios.events} (topic); for every work
 * queue Q a dead-letter fanout exchange {@code Q.dlx}, a DLQ {@code Q.dlq} and, where the dialect allows, one TTL
 * retry queue {@code Q.retry.<delayMillis>} per configured delay that dead-letters back to Q, reached through the
 * direct exchange {@code Q.retry} (routing key: the delay in milliseconds). Consumers publish retries and dead letters
 * to Q's own exchanges, never to the default exchange, so a service's write permission names exactly its queues.
 * In {@link TopologyMode#VERIFY} it declares nothing and checks passively that all of it exists.
 */
public final class BrokerTopology {
    private final Connection connection;
    private final BrokerDialect dialect;
    private final MessagingSettings settings;
    private final TopologyMode mode;
    private final PassiveTopologyCheck check;
    private final Set<String> workQueues = ConcurrentHashMap.newKeySet();

    public BrokerTopology(Connection connection, BrokerDialect dialect, MessagingSettings settings) {
        this(connection, dialect, settings, TopologyMode.DECLARE);
    }

    public BrokerTopology(Connection connection, BrokerDialect dialect, MessagingSettings settings, TopologyMode mode) {
        this(connection, dialect, settings, mode, Duration.ZERO);
    }

    /**
     * {@code verifyWait}: in {@link TopologyMode#VERIFY}, how long to keep checking for a missing exchange or queue
     * (the orchestrator declares the topology and may start after the agents) before failing.
     */
    public BrokerTopology(
            Connection connection,
            BrokerDialect dialect,
            MessagingSettings settings,
            TopologyMode mode,
            Duration verifyWait) {
        this.connection = requireNonNull(connection, "connection");
        this.dialect = requireNonNull(dialect, "dialect");
        this.settings = requireNonNull(settings, "settings");
        this.mode = requireNonNull(mode, "mode");
        this.check = new PassiveTopologyCheck(connection, verifyWait);
    }

    public void declareExchanges() {
        if (mode == TopologyMode.VERIFY) {
            check.exchangeExists(Destination.COMMANDS_EXCHANGE);
            check.exchangeExists(Destination.EVENTS_EXCHANGE);
            return;
        }
        withChannel(channel -> {
            channel.exchangeDeclare(Destination.COMMANDS_EXCHANGE, "direct", true);
            channel.exchangeDeclare(Destination.EVENTS_EXCHANGE, "topic", true);
        });
    }

    public TopologyMode mode() {
        return mode;
    }

    /** The role's work queue {@code aios.agent.<role>}, bound to {@code aios.commands} by the role's routing key. */
    public String declareRoleQueue(Role role) {
        declareExchanges();
        String queue = role.queueName();
        declareWorkQueue(queue);
        if (mode == TopologyMode.DECLARE) {
            withChannel(channel -> channel.queueBind(queue, Destination.COMMANDS_EXCHANGE, role.routingKey()));
        }
        return queue;
    }

    /** A work queue bound to {@code aios.events} with each topic pattern (e.g. {@code task.*}, {@code #}). */
    public String declareEventQueue(String queue, List<String> bindingPatterns) {
        requireNonNull(queue, "queue");
        if (bindingPatterns.isEmpty()) {
            throw new IllegalArgumentException("an event queue needs at least one binding pattern");
        }
        declareExchanges();
        declareWorkQueue(queue);
        if (mode == TopologyMode.VERIFY) {
            return queue;
        }
        withChannel(channel -> {
            for (String pattern : bindingPatterns) {
                channel.queueBind(queue, Destination.EVENTS_EXCHANGE, pattern);
            }
        });
        return queue;
    }

    /** Work queues declared through this topology (their DLQs are what {@link DeadLetters} lists). */
    public Set<String> workQueues() {
        return Set.copyOf(workQueues);
    }

    public BrokerDialect dialect() {
        return dialect;
    }

    public MessagingSettings settings() {
        return settings;
    }

    public static String deadLetterQueueName(String queue) {
        return queue + ".dlq";
    }

    public static String deadLetterExchangeName(String queue) {
        return queue + ".dlx";
    }

    public static String retryQueueName(String queue, Duration delay) {
        return queue + ".retry." + delay.toMillis();
    }

    /** The direct exchange in front of {@code queue}'s retry queues; the routing key is the delay in milliseconds. */
    public static String retryExchangeName(String queue) {
        return queue + ".retry";
    }

    public static String retryRoutingKey(Duration delay) {
        return Long.toString(delay.toMillis());
    }

    private void declareWorkQueue(String queue) {
        String dlq = deadLetterQueueName(queue);
        String dlx = deadLetterExchangeName(queue);
        if (mode == TopologyMode.VERIFY) {
            verifyWorkQueue(queue, dlx, dlq);
            workQueues.add(queue);
            return;
        }
        withChannel(channel -> {
            channel.exchangeDeclare(dlx, "fanout", true);
            channel.queueDeclare(
                    dlq, true, false, false, dialect.deadLetterQueueArguments(settings.deadLetterMaxLength()));
            channel.queueBind(dlq, dlx, "");
            channel.queueDeclare(
                    queue, true, false, false, dialect.workQueueArguments(dlx, dlq, settings.deliveryLimit()));
            if (dialect.supportsRetryQueues()) {
                channel.exchangeDeclare(retryExchangeName(queue), "direct", true);
                for (Duration delay : Set.copyOf(settings.retryDelays())) {
                    channel.queueDeclare(
                            retryQueueName(queue, delay),
                            true,
                            false,
                            false,
                            dialect.retryQueueArguments(queue, delay.toMillis()));
                    channel.queueBind(retryQueueName(queue, delay), retryExchangeName(queue), retryRoutingKey(delay));
                }
            }
        });
        workQueues.add(queue);
    }

    private void verifyWorkQueue(String queue, String dlx, String dlq) {
        check.queueExists(queue);
        check.queueExists(dlq);
        check.exchangeExists(dlx);
        if (dialect.supportsRetryQueues()) {
            check.exchangeExists(retryExchangeName(queue));
            for (Duration delay : Set.copyOf(settings.retryDelays())) {
                check.queueExists(retryQueueName(queue, delay));
            }
        }
    }

    private void withChannel(ChannelWork work) {
        // A failed declaration closes its channel, so each step gets a fresh one and errors surface at once.
        try (Channel channel = connection.createChannel()) {
            work.run(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("topology declaration failed: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topology declaration timed out", e);
        }
    }

    @FunctionalInterface
    private interface ChannelWork {
        void run(Channel channel) throws IOException;
    }
}
