package dev.aios.agent.messaging;

import java.util.Map;

/**
 * RabbitMQ (the production path): quorum queues with an explicit delivery limit (3.10 has no default), at-least-once
 * dead lettering (which requires {@code reject-publish} overflow), and per-delay TTL retry queues.
 */
public record RabbitMqDialect() implements BrokerDialect {
    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public Map<String, Object> workQueueArguments(
            String deadLetterExchange, String deadLetterRoutingKey, int deliveryLimit) {
        return Map.of(
                "x-queue-type",
                "quorum",
                "x-delivery-limit",
                deliveryLimit,
                "x-dead-letter-exchange",
                deadLetterExchange,
                "x-dead-letter-routing-key",
                deadLetterRoutingKey,
                "x-dead-letter-strategy",
                "at-least-once",
                "x-overflow",
                "reject-publish");
    }

    @Override
    public Map<String, Object> deadLetterQueueArguments(long maxLength) {
        return Map.of("x-queue-type", "quorum", "x-max-length", maxLength, "x-overflow", "reject-publish");
    }

    @Override
    public boolean supportsRetryQueues() {
        return true;
    }

    @Override
    public Map<String, Object> retryQueueArguments(String workQueue, long delayMillis) {
        // The default exchange routes by queue name, so an expired message lands straight back on its work queue.
        return Map.of(
                "x-queue-type", "quorum",
                "x-message-ttl", delayMillis,
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", workQueue,
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish");
    }

    @Override
    public boolean requeueOnCrash() {
        return true;
    }
}
