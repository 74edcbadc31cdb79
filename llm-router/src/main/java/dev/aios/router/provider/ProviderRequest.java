package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.Tools;
import java.util.List;

/**
 * What a provider is asked: the chat, the tools it may call, sampling, output size, whether to stream, and who asks
 * (for scripted replays).
 */
public record ProviderRequest(
        List<ChatMessage> messages,
        double temperature,
        int maxOutputTokens,
        boolean stream,
        CallMetadata metadata,
        Tools tools) {
    public ProviderRequest {
        messages = List.copyOf(messages);
        requireNonNull(metadata, "metadata");
        requireNonNull(tools, "tools");
    }

    public ProviderRequest(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            boolean stream,
            CallMetadata metadata) {
        this(messages, temperature, maxOutputTokens, stream, metadata, Tools.NONE);
    }

    /** The last user message, which scripted recordings match against; empty when there is none. */
    public String lastUserMessage() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
