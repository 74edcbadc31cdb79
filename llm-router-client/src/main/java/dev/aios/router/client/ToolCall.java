package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

/**
 * A model's request to call a tool, as the OpenAI wire carries it: the call's id (which the tool result names), the
 * function's name and its arguments as the text of a JSON object.
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        requireNonNull(id, "tool call id");
        requireNonNull(name, "tool name");
        requireNonNull(arguments, "tool arguments");
    }
}
