package dev.aios.router.chat;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolChoice;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a chat with tools must hold before any provider sees it, whoever sent it (HTTP or in-process): a call that one
 * provider would take and another refuse could not fall back across tiers, so the rules are those both OpenAI and
 * Anthropic enforce. Tool names are 1–64 letters, digits, '_' or '-', unique; schemas and arguments are JSON objects;
 * only assistants call tools and each tool message answers a call made before it; a tool choice needs tools, and a
 * named one must be among them.
 */
final class ToolCallRules {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private ToolCallRules() {}

    static void check(List<ChatMessage> messages, Tools tools) {
        Set<String> calls = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            String where = "messages[" + i + "]";
            if (!m.toolCalls().isEmpty() && !m.role().equals("assistant")) {
                throw invalid(
                        where + " is a " + m.role() + " message with tool_calls; only assistant messages call tools");
            }
            for (int j = 0; j < m.toolCalls().size(); j++) {
                ToolCall call = m.toolCalls().get(j);
                String field = where + ".tool_calls[" + j + "]";
                if (call.id().isBlank()) {
                    throw invalid(field + ".id must not be empty");
                }
                if (!calls.add(call.id())) {
                    throw invalid(field + ".id '" + call.id() + "' names an earlier tool call too");
                }
                name(field + ".function.name", call.name());
                jsonObject(field + ".function.arguments", call.arguments());
            }
            if (m.role().equals("tool")) {
                if (m.toolCallId().isBlank()) {
                    throw invalid(where + " is a tool message without a tool_call_id");
                }
                if (!calls.contains(m.toolCallId())) {
                    throw invalid(where + ".tool_call_id '" + m.toolCallId()
                            + "' answers no tool call of an earlier assistant message");
                }
            } else if (!m.toolCallId().isEmpty()) {
                throw invalid(
                        where + " is a " + m.role() + " message with a tool_call_id; only tool messages have one");
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.definitions().size(); i++) {
            ToolDefinition tool = tools.definitions().get(i);
            String field = "tools[" + i + "].function";
            name(field + ".name", tool.name());
            if (!names.add(tool.name())) {
                throw invalid(field + ".name '" + tool.name() + "' is offered twice");
            }
            if (!tool.parameters().isEmpty()) {
                jsonObject(field + ".parameters", tool.parameters());
            }
        }
        tools.choice().ifPresent(choice -> {
            if (tools.definitions().isEmpty()) {
                throw invalid("tool_choice is given but no tools are");
            }
            if (choice.mode() == ToolChoice.Mode.TOOL && !names.contains(choice.toolName())) {
                throw invalid(
                        "tool_choice names the function '" + choice.toolName() + "', which is not among the tools");
            }
        });
    }

    private static void name(String field, String name) {
        if (!NAME.matcher(name).matches()) {
            throw invalid(field + " '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
        }
    }

    private static void jsonObject(String field, String json) {
        JsonNode node;
        try {
            node = ChatCompletionsJson.JSON.readTree(json);
        } catch (RuntimeException e) {
            throw invalid(field + " is not JSON: " + json);
        }
        if (node == null || !node.isObject()) {
            throw invalid(field + " must be a JSON object, was: " + json);
        }
    }

    private static RequestRejected invalid(String detail) {
        return RequestRejected.invalid("Invalid tool use", detail);
    }
}
