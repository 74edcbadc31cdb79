package dev.aios.router.cassette;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The identity of a call as a recording matches it: everything the model sees (messages, sampling, output limit) and
 * what places it in a run (brief, prompt version, role, task). The project id, the budget and the tier are left out: a
 * replay of the same brief is another project, and the tier is the router's choice, not the call's.
 */
public final class RequestDigest {
    private RequestDigest() {}

    public static String of(
            List<ChatMessage> messages, double temperature, int maxOutputTokens, CallMetadata metadata) {
        return of(messages, temperature, maxOutputTokens, Tools.NONE, metadata);
    }

    /**
     * Tool calls, tool results, the tools offered and the tool choice are part of what the model sees. They are written
     * only when present, so a call without them keeps the digest it had before tools existed (older recordings replay);
     * their field names are no role, and every field is length-prefixed, so they cannot be mistaken for a message.
     */
    public static String of(
            List<ChatMessage> messages, double temperature, int maxOutputTokens, Tools tools, CallMetadata metadata) {
        StringBuilder canonical = new StringBuilder("aios-request-v1\u0000");
        field(canonical, "brief", metadata.briefDigest());
        field(canonical, "prompt", metadata.promptVersion());
        field(canonical, "role", metadata.role());
        field(canonical, "task", metadata.taskId());
        field(canonical, "temperature", Double.toString(temperature));
        field(canonical, "max_tokens", Integer.toString(maxOutputTokens));
        for (ChatMessage m : messages) {
            field(canonical, m.role(), m.content());
            for (ToolCall call : m.toolCalls()) {
                field(canonical, "tool_call.id", call.id());
                field(canonical, "tool_call.name", call.name());
                field(canonical, "tool_call.arguments", call.arguments());
            }
            if (!m.toolCallId().isEmpty()) {
                field(canonical, "tool_call_id", m.toolCallId());
            }
        }
        for (ToolDefinition tool : tools.definitions()) {
            field(canonical, "tool.name", tool.name());
            field(canonical, "tool.description", tool.description());
            field(canonical, "tool.parameters", tool.parameters());
        }
        tools.choice().ifPresent(choice -> field(canonical, "tool_choice", choice.mode() + ":" + choice.toolName()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void field(StringBuilder canonical, String name, String value) {
        // lengths first, so that no choice of text can make two different calls read alike
        canonical
                .append(name.length())
                .append(':')
                .append(name)
                .append(value.length())
                .append(':')
                .append(value)
                .append('\u0000');
    }
}
