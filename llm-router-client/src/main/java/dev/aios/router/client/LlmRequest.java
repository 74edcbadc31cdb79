package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A chat request: messages, sampling, the expected output size, and who is asking. */
public record LlmRequest(
        List<ChatMessage> messages, double temperature, int maxOutputTokens, CallMetadata metadata) {
    public LlmRequest {
        messages = List.copyOf(messages);
        requireNonNull(metadata, "metadata");
    }
}
