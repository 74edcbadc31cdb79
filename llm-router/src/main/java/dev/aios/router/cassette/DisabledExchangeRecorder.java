package dev.aios.router.cassette;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.Tools;
import dev.aios.router.provider.ProviderReply;
import java.util.List;

/** Recording is off (the default). */
public final class DisabledExchangeRecorder implements ExchangeRecorder {
    @Override
    public void record(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            Tools tools,
            CallMetadata metadata,
            ProviderReply reply,
            long costMicros) {}

    @Override
    public void failed(
            List<ChatMessage> messages,
            double temperature,
            int maxOutputTokens,
            Tools tools,
            CallMetadata metadata,
            LlmCallException failure) {}
}
