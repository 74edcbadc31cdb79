package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One message of a chat: role is system, user, assistant or tool. An assistant message may carry the tool calls the
 * model made ({@code content} is then often empty); a tool message answers the call named by {@code toolCallId}.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {
    public ChatMessage {
        requireNonNull(role, "role");
        requireNonNull(content, "content");
        toolCalls = List.copyOf(toolCalls);
        requireNonNull(toolCallId, "tool call id");
    }

    public ChatMessage(String role, String content) {
        this(role, content, List.of(), "");
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }

    /** The model's turn that asks for tool calls (with any text it said alongside). */
    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage("assistant", content, toolCalls, "");
    }

    /** The result of the tool call {@code toolCallId}. */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage("tool", content, List.of(), toolCallId);
    }
}
