package dev.aios.router.chat;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.Tools;
import java.util.List;

/** A call as it arrived, before routing: over HTTP or in-process, with the tools it offers the model. */
public record ChatCall(
        List<ChatMessage> messages,
        double temperature,
        int maxOutputTokens,
        boolean stream,
        CallMetadata metadata,
        Tools tools) {
    public ChatCall {
        messages = List.copyOf(messages);
        requireNonNull(metadata, "metadata");
        requireNonNull(tools, "tools");
    }

    public ChatCall(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            boolean stream,
            CallMetadata metadata) {
        this(messages, temperature, maxOutputTokens, stream, metadata, Tools.NONE);
    }
}
