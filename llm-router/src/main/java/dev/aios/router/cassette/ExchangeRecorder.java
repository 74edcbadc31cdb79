package dev.aios.router.cassette;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.Tools;
import dev.aios.router.provider.ProviderReply;
import java.util.List;

/** Told about every answered or refused call, with what it cost; a cassette recorder writes them down. */
public interface ExchangeRecorder {
    void record(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            Tools tools,
            CallMetadata metadata,
            ProviderReply reply,
            long costMicros);

    /** The call did not produce an answer: the router refused it or its providers failed. */
    void failed(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            Tools tools,
            CallMetadata metadata,
            LlmCallException failure);
}
