package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;

/** Where a message goes: an exchange and a routing key. */
public record Destination(String exchange, String routingKey) {
    public static final String COMMANDS_EXCHANGE = "aios.commands";
    public static final String EVENTS_EXCHANGE = "aios.events";

    public Destination {
        requireNonNull(exchange, "exchange");
        requireNonNull(routingKey, "routing key");
    }

    /** A command to every replica of a role (competing consumers on {@code aios.agent.<role>}). */
    public static Destination command(Role role) {
        return new Destination(COMMANDS_EXCHANGE, role.routingKey());
    }

    /** An event on the topic exchange, routed by {@code <aggregate>.<event>} derived from its type. */
    public static Destination event(String messageType) {
        return new Destination(EVENTS_EXCHANGE, EventRouting.routingKeyFor(messageType));
    }
}
