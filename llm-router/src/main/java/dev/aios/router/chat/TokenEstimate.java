package dev.aios.router.chat;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.client.ToolDefinition;
import dev.aios.router.client.Tools;
import java.util.List;

/**
 * A tokenizer-free estimate for the context, budget and rate-limit checks: about four characters per token for English and
 * code, plus a few tokens of framing per message. It errs high, which is the safe side for each.
 */
public final class TokenEstimate {
    private static final int CHARS_PER_TOKEN = 4;
    private static final int PER_MESSAGE = 4;

    private TokenEstimate() {}

    /** Tool calls, tool call ids and the offered tools' names, descriptions and schemas reach the model as tokens too. */
    public static long of(List<ChatMessage> messages, Tools tools) {
        long tokens = 0;
        for (ChatMessage m : messages) {
            long chars = m.content().length() + m.toolCallId().length();
            for (ToolCall call : m.toolCalls()) {
                chars += call.id().length()
                        + call.name().length()
                        + call.arguments().length();
            }
            tokens += (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + PER_MESSAGE;
        }
        for (ToolDefinition tool : tools.definitions()) {
            long chars = tool.name().length()
                    + tool.description().length()
                    + tool.parameters().length();
            tokens += (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + PER_MESSAGE;
        }
        return tokens;
    }
}
