package dev.aios.router.provider;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolChoice;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's tool vocabulary in Anthropic's Messages API words: tools get an {@code input_schema}, {@code tool_choice}
 * auto/none/required/function becomes auto/none/any/tool, an assistant's tool calls become {@code tool_use} blocks and
 * tool messages become {@code tool_result} blocks of a user turn (consecutive results share one turn, as Anthropic wants
 * all results of a turn together).
 */
final class AnthropicToolWire {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnthropicToolWire() {}

    static void addBlocks(ArrayNode messages, ChatMessage m) {
        if (m.role().equals("tool")) {
            ArrayNode results = lastToolResults(messages);
            if (results == null) {
                results = messages.addObject().put("role", "user").putArray("content");
            }
            results.addObject()
                    .put("type", "tool_result")
                    .put("tool_use_id", m.toolCallId())
                    .put("content", m.content());
            return;
        }
        ArrayNode blocks = messages.addObject().put("role", m.role()).putArray("content");
        if (!m.content().isEmpty()) {
            blocks.addObject().put("type", "text").put("text", m.content());
        }
        for (ToolCall call : m.toolCalls()) {
            blocks.addObject()
                    .put("type", "tool_use")
                    .put("id", call.id())
                    .put("name", call.name())
                    .set("input", JSON.readTree(call.arguments()));
        }
    }

    /** The content of the last message when it is a user turn of tool results only, else null. */
    private static ArrayNode lastToolResults(ArrayNode messages) {
        if (messages.isEmpty()) {
            return null;
        }
        JsonNode last = messages.get(messages.size() - 1);
        JsonNode content = last.path("content");
        if (!last.path("role").asString("").equals("user") || !content.isArray() || content.isEmpty()) {
            return null;
        }
        for (JsonNode block : content) {
            if (!block.path("type").asString("").equals("tool_result")) {
                return null;
            }
        }
        return (ArrayNode) content;
    }

    static void putTools(ObjectNode root, Tools tools) {
        if (!tools.definitions().isEmpty()) {
            ArrayNode array = root.putArray("tools");
            for (ToolDefinition tool : tools.definitions()) {
                ObjectNode t = array.addObject().put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    t.put("description", tool.description());
                }
                // Anthropic requires a schema; OpenAI's absent parameters mean a function of no arguments
                if (tool.parameters().isEmpty()) {
                    t.putObject("input_schema").put("type", "object").putObject("properties");
                } else {
                    t.set("input_schema", JSON.readTree(tool.parameters()));
                }
            }
        }
        tools.choice().ifPresent(choice -> putChoice(root, choice));
    }

    private static void putChoice(ObjectNode root, ToolChoice choice) {
        ObjectNode c = root.putObject("tool_choice");
        switch (choice.mode()) {
            case AUTO -> c.put("type", "auto");
            case NONE -> c.put("type", "none");
            case REQUIRED -> c.put("type", "any");
            case TOOL -> c.put("type", "tool").put("name", choice.toolName());
        }
    }
}
