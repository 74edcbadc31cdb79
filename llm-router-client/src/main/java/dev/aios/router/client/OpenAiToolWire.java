package dev.aios.router.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI chat-completions shapes of tools, tool choices and tool calls, written and read the same way by this client,
 * the router's endpoint and its OpenAI adapter.
 */
public final class OpenAiToolWire {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiToolWire() {}

    /** {@code "tool_calls": [{"id", "type": "function", "function": {"name", "arguments"}}]} on a message, if there are any. */
    public static void putToolCalls(ObjectNode message, List<ToolCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        ArrayNode array = message.putArray("tool_calls");
        for (ToolCall call : calls) {
            ObjectNode c = array.addObject().put("id", call.id()).put("type", "function");
            c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
    }

    /** {@code "tools": [{"type": "function", "function": {"name", "description"?, "parameters"?}}]}, if there are any. */
    public static void putTools(ObjectNode root, List<ToolDefinition> tools) {
        if (tools.isEmpty()) {
            return;
        }
        ArrayNode array = root.putArray("tools");
        for (ToolDefinition tool : tools) {
            ObjectNode function = array.addObject()
                    .put("type", "function")
                    .putObject("function")
                    .put("name", tool.name());
            if (!tool.description().isEmpty()) {
                function.put("description", tool.description());
            }
            if (!tool.parameters().isEmpty()) {
                function.set("parameters", JSON.readTree(tool.parameters()));
            }
        }
    }

    /** {@code "auto"}, {@code "none"}, {@code "required"} or {@code {"type": "function", "function": {"name"}}}. */
    public static void putToolChoice(ObjectNode root, ToolChoice choice) {
        switch (choice.mode()) {
            case AUTO -> root.put("tool_choice", "auto");
            case NONE -> root.put("tool_choice", "none");
            case REQUIRED -> root.put("tool_choice", "required");
            case TOOL ->
                root.putObject("tool_choice")
                        .put("type", "function")
                        .putObject("function")
                        .put("name", choice.toolName());
        }
    }

    /** A message's {@code tool_calls}; absent or null is none. Throws {@link IllegalArgumentException} naming what is missing. */
    public static List<ToolCall> readToolCalls(JsonNode toolCalls) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : toolCalls) {
            JsonNode function = call.path("function");
            if (!call.path("id").isString()
                    || !function.path("name").isString()
                    || !function.path("arguments").isString()) {
                throw new IllegalArgumentException(
                        "a tool call without a string id, function.name or function.arguments");
            }
            calls.add(new ToolCall(
                    call.path("id").asString(),
                    function.path("name").asString(),
                    function.path("arguments").asString()));
        }
        return calls;
    }
}
