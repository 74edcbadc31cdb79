package dev.aios.router.chat;

import dev.aios.router.client.ChatMessage;
import java.util.List;

/**
 * A tokenizer-free estimate for the context, budget and rate-limit checks: about four characters per token for English and
 * code, plus a few tokens of framing per message. It errs high, which is the safe side for each.
 */
public final class TokenEstimate {
    private static final int CHARS_PER_TOKEN = 4;
    private static final int PER_MESSAGE = 4;

    private TokenEstimate() {}

    public static long of(List<ChatMessage> messages) {
        long tokens = 0;
        for (ChatMessage m : messages) {
            tokens += (m.content().length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + PER_MESSAGE;
        }
        return tokens;
    }
}
