package dev.aios.agent;

import java.util.Locale;

/** A persona; its lower-case name is the routing key on {@code aios.commands} and names its queues. */
public enum Role {
    CTO,
    FRONTEND,
    BACKEND,
    QA,
    DEVOPS;

    public String routingKey() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role's work queue, shared by all replicas: {@code aios.agent.<role>}. */
    public String queueName() {
        return "aios.agent." + routingKey();
    }

    /** The role's dead-letter queue: {@code aios.agent.<role>.dlq}. */
    public String deadLetterQueueName() {
        return queueName() + ".dlq";
    }

    public static Role fromRoutingKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
