package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A chat request: messages, the tools the model may call, sampling, the expected output size, and who is asking. */
public record LlmRequest(
        List<ChatMessage> messages, double temperature, int maxOutputTokens, CallMetadata metadata, Tools tools) {
    public LlmRequest {
        messages = List.copyOf(messages);
        requireNonNull(metadata, "metadata");
        requireNonNull(tools, "tools");
    }

    /** A request that offers no tools. */
    public LlmRequest(List<ChatMessage> messages, double temperature, int maxOutputTokens, CallMetadata metadata) {
        this(messages, temperature, maxOutputTokens, metadata, Tools.NONE);
    }
}
