package dev.aios.agent.messaging;

import java.util.Locale;
import java.util.Map;

/**
 * Where RabbitMQ and Apache Qpid Broker-J differ: queue arguments, how a crash-looping message reaches its DLQ,
 * and whether delayed retries can ride on TTL queues. Everything else in the adapter is broker-neutral.
 */
public sealed interface BrokerDialect permits RabbitMqDialect, QpidDialect {
    String name();

    /** Arguments of a work queue whose poison messages go to {@code deadLetterExchange} after the delivery limit. */
    Map<String, Object> workQueueArguments(String deadLetterExchange, String deadLetterRoutingKey, int deliveryLimit);

    Map<String, Object> deadLetterQueueArguments(long maxLength);

    /** True when {@code <queue>.retry.<millis>} TTL queues dead-letter back to the work queue. */
    boolean supportsRetryQueues();

    Map<String, Object> retryQueueArguments(String workQueue, long delayMillis);

    /**
     * Whether a message whose handler crashed (an {@link Error}) goes back to the broker, which counts the delivery
     * against the queue's limit (RabbitMQ). Qpid does not count a requeueing nack (it would loop forever) and never
     * redelivers a rejected message to the same session, so there such a message goes straight to the DLQ; Qpid's
     * maximum delivery count still bounds redeliveries after a consumer process dies.
     */
    boolean requeueOnCrash();

    static BrokerDialect named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "rabbitmq", "rabbit" -> new RabbitMqDialect();
            case "qpid" -> new QpidDialect();
            default -> throw new IllegalArgumentException("unknown broker dialect '" + name + "': rabbitmq or qpid");
        };
    }
}
