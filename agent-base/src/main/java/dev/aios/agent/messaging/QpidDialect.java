package dev.aios.agent.messaging;

import java.util.Map;

/**
 * Apache Qpid Broker-J (the embedded standalone broker). It closes the connection on RabbitMQ's {@code x-} queue
 * arguments, requeues a rejected message forever unless the queue has {@code x-qpid-maximum-delivery-count}, and
 * routes a message past that count to the queue's {@code alternateExchange} with its original routing key (so the
 * dead-letter exchange is a fanout per queue). Qpid does not dead-letter expired messages, so retries are delayed
 * in the consumer instead of in TTL queues (see {@link ReliableConsumers}).
 */
public record QpidDialect() implements BrokerDialect {
    @Override
    public String name() {
        return "qpid";
    }

    @Override
    public Map<String, Object> workQueueArguments(
            String deadLetterExchange, String deadLetterRoutingKey, int deliveryLimit) {
        // RabbitMQ's limit N means N+1 deliveries; Qpid's count is the number of deliveries.
        return Map.of("x-qpid-maximum-delivery-count", deliveryLimit + 1, "alternateExchange", deadLetterExchange);
    }

    @Override
    public Map<String, Object> deadLetterQueueArguments(long maxLength) {
        return Map.of();
    }

    @Override
    public boolean supportsRetryQueues() {
        return false;
    }

    @Override
    public Map<String, Object> retryQueueArguments(String workQueue, long delayMillis) {
        throw new UnsupportedOperationException(
                "Qpid does not dead-letter expired messages: retries are delayed in the consumer");
    }

    @Override
    public boolean requeueOnCrash() {
        return false;
    }
}
