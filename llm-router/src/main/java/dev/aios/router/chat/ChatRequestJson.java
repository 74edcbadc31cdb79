package dev.aios.router.chat;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolChoice;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of a chat completion request's messages, tools and tool choice: a field the router does not carry to
 * the providers is refused, naming it, never dropped, so a caller never believes a model saw what it did not.
 */
final class ChatRequestJson {
    static final Set<String> TOP_LEVEL = Set.of(
            "model", "messages", "temperature", "max_tokens", "stream", "stream_options", "tools", "tool_choice");
    private static final Set<String> STREAM_OPTIONS = Set.of("include_usage");
    private static final Set<String> MESSAGE = Set.of("role", "content", "tool_calls", "tool_call_id");
    private static final Set<String> TEXT_PART = Set.of("type", "text");
    private static final Set<String> TOOL_CALL = Set.of("id", "type", "function");
    private static final Set<String> CALLED_FUNCTION = Set.of("name", "arguments");
    private static final Set<String> TOOL = Set.of("type", "function");
    private static final Set<String> FUNCTION = Set.of("name", "description", "parameters");
    private static final Set<String> NAMED_CHOICE = Set.of("type", "function");
    private static final Set<String> CHOSEN_FUNCTION = Set.of("name");

    private ChatRequestJson() {}

    static void onlyKnownFields(JsonNode node, String where, Set<String> known) {
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                String path = where.isEmpty() ? field : where + "." + field;
                throw RequestRejected.invalid(
                        "Unsupported field",
                        "\"" + path + "\" is not supported by the router and is"
                                + " refused rather than ignored; supported" + (where.isEmpty() ? "" : " in " + where)
                                + ": "
                                + known.stream().sorted().toList());
            }
        }
    }

    /**
     * The router always ends a stream with a chunk that holds the usage, so {@code stream_options.include_usage: true}
     * is honoured as it is; {@code false} could not be, and is refused.
     */
    static void streamOptions(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw malformed("Malformed stream_options", "stream_options must be an object {include_usage}");
        }
        onlyKnownFields(node, "stream_options", STREAM_OPTIONS);
        JsonNode includeUsage = node.path("include_usage");
        if (!includeUsage.isMissingNode() && !(includeUsage.isBoolean() && includeUsage.asBoolean())) {
            throw RequestRejected.invalid(
                    "Unsupported field",
                    "stream_options.include_usage may only be true: the router"
                            + " always sends the usage in a stream's last chunk");
        }
    }

    static List<ChatMessage> messages(JsonNode messagesNode) {
        if (!messagesNode.isArray()) {
            throw RequestRejected.invalid("Missing messages", "\"messages\" must be an array of {role, content}");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < messagesNode.size(); i++) {
            messages.add(message(messagesNode.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(JsonNode m, String where) {
        if (!m.isObject()) {
            throw malformed("Malformed message", where + " must be an object {role, content}");
        }
        onlyKnownFields(m, where, MESSAGE);
        if (!m.path("role").isString()) {
            throw malformed(
                    "Malformed message",
                    "every message needs a string \"role\" and a string \"content\" (" + where + ")");
        }
        List<ToolCall> toolCalls = toolCalls(m.path("tool_calls"), where + ".tool_calls");
        JsonNode content = m.path("content");
        String text;
        if (content.isString()) {
            text = content.asString();
        } else if (content.isArray()) {
            text = textParts(content, where + ".content");
        } else if ((content.isNull() || content.isMissingNode()) && !toolCalls.isEmpty()) {
            text = ""; // an assistant turn that only calls tools
        } else {
            throw malformed(
                    "Malformed message",
                    "every message needs a string \"role\" and a string \"content\" (" + where + ")");
        }
        JsonNode id = m.path("tool_call_id");
        if (!id.isMissingNode() && !id.isString()) {
            throw malformed("Malformed message", where + ".tool_call_id must be a string");
        }
        return new ChatMessage(m.path("role").asString(), text, toolCalls, id.asString(""));
    }

    /** Text parts are joined with newlines (as vLLM does); any other part is refused, naming its type. */
    private static String textParts(JsonNode parts, String where) {
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < parts.size(); j++) {
            JsonNode part = parts.get(j);
            String at = where + "[" + j + "]";
            if (!part.isObject()) {
                throw malformed("Malformed message", at + " must be an object {type, text}");
            }
            String type = part.path("type").asString("");
            if (!type.equals("text")) {
                throw RequestRejected.invalid(
                        "Unsupported content part",
                        at + ".type '" + type + "' is not supported by the"
                                + " router and is refused rather than ignored; only \"text\" parts are");
            }
            onlyKnownFields(part, at, TEXT_PART);
            if (!part.path("text").isString()) {
                throw malformed("Malformed message", at + ".text must be a string");
            }
            texts.add(part.path("text").asString());
        }
        return String.join("\n", texts);
    }

    private static List<ToolCall> toolCalls(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw malformed("Malformed tool call", where + " must be an array");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (int j = 0; j < node.size(); j++) {
            JsonNode call = node.get(j);
            String at = where + "[" + j + "]";
            if (!call.isObject()) {
                throw malformed("Malformed tool call", at + " must be an object {id, type, function}");
            }
            onlyKnownFields(call, at, TOOL_CALL);
            functionType(call, at);
            JsonNode function = call.path("function");
            if (!function.isObject()) {
                throw malformed("Malformed tool call", at + ".function must be an object {name, arguments}");
            }
            onlyKnownFields(function, at + ".function", CALLED_FUNCTION);
            if (!call.path("id").isString()
                    || !function.path("name").isString()
                    || !function.path("arguments").isString()) {
                throw malformed("Malformed tool call", at + " needs a string id, function.name and function.arguments");
            }
            calls.add(new ToolCall(
                    call.path("id").asString(),
                    function.path("name").asString(),
                    function.path("arguments").asString()));
        }
        return calls;
    }

    static Tools tools(JsonNode toolsNode, JsonNode choiceNode) {
        List<ToolDefinition> definitions = new ArrayList<>();
        if (!toolsNode.isMissingNode() && !toolsNode.isNull()) {
            if (!toolsNode.isArray()) {
                throw malformed("Malformed tools", "\"tools\" must be an array of {type: \"function\", function}");
            }
            for (int i = 0; i < toolsNode.size(); i++) {
                definitions.add(tool(toolsNode.get(i), "tools[" + i + "]"));
            }
        }
        return new Tools(definitions, choice(choiceNode));
    }

    private static ToolDefinition tool(JsonNode tool, String where) {
        if (!tool.isObject()) {
            throw malformed("Malformed tools", where + " must be an object {type: \"function\", function}");
        }
        onlyKnownFields(tool, where, TOOL);
        functionType(tool, where);
        JsonNode function = tool.path("function");
        if (!function.isObject()) {
            throw malformed("Malformed tools", where + ".function must be an object {name, description?, parameters?}");
        }
        onlyKnownFields(function, where + ".function", FUNCTION);
        if (!function.path("name").isString()) {
            throw malformed("Malformed tools", where + ".function.name must be a string");
        }
        JsonNode description = function.path("description");
        if (!description.isMissingNode() && !description.isString()) {
            throw malformed("Malformed tools", where + ".function.description must be a string");
        }
        JsonNode parameters = function.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isObject()) {
            throw malformed("Malformed tools", where + ".function.parameters must be a JSON Schema object");
        }
        return new ToolDefinition(
                function.path("name").asString(),
                description.asString(""),
                parameters.isMissingNode() ? "" : ChatCompletionsJson.JSON.writeValueAsString(parameters));
    }

    private static Optional<ToolChoice> choice(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isString()) {
            return Optional.of(
                    switch (node.asString()) {
                        case "auto" -> ToolChoice.of(ToolChoice.Mode.AUTO);
                        case "none" -> ToolChoice.of(ToolChoice.Mode.NONE);
                        case "required" -> ToolChoice.of(ToolChoice.Mode.REQUIRED);
                        default ->
                            throw malformed(
                                    "Malformed tool_choice",
                                    "tool_choice '" + node.asString()
                                            + "' is none of auto, none, required or {type: \"function\", function: {name}}");
                    });
        }
        if (!node.isObject()) {
            throw malformed(
                    "Malformed tool_choice",
                    "tool_choice must be auto, none, required or {type: \"function\", function: {name}}");
        }
        onlyKnownFields(node, "tool_choice", NAMED_CHOICE);
        functionType(node, "tool_choice");
        JsonNode function = node.path("function");
        if (!function.isObject()
                || !function.path("name").isString()
                || function.path("name").asString().isEmpty()) {
            throw malformed("Malformed tool_choice", "tool_choice.function.name must be a non-empty string");
        }
        onlyKnownFields(function, "tool_choice.function", CHOSEN_FUNCTION);
        return Optional.of(ToolChoice.tool(function.path("name").asString()));
    }

    private static void functionType(JsonNode node, String where) {
        if (!node.path("type").asString("").equals("function")) {
            throw RequestRejected.invalid(
                    "Unsupported tool type",
                    where + ".type must be \"function\", was " + node.path("type")
                            + "; other tool types are refused rather than ignored");
        }
    }

    private static RequestRejected malformed(String title, String detail) {
        return RequestRejected.invalid(title, detail);
    }
}
