package dev.aios.router.chat;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import java.util.List;

/** A call as it arrived, before routing: over HTTP or in-process. */
public record ChatCall(List<ChatMessage> messages, double temperature, int maxOutputTokens, boolean stream, CallMetadata metadata) {
    public ChatCall {
        messages = List.copyOf(messages);
        requireNonNull(metadata, "metadata");
    }
}
