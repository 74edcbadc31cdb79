package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

/**
 * A function the model may call: its name, what it does (empty when not given) and the JSON Schema of its arguments as
 * compact JSON text (empty when not given).
 */
public record ToolDefinition(String name, String description, String parameters) {
    public ToolDefinition {
        requireNonNull(name, "tool name");
        description = description == null ? "" : description;
        parameters = parameters == null ? "" : parameters;
    }
}
