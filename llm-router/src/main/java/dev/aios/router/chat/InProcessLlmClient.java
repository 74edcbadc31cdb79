package dev.aios.router.chat;

import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.TokenSink;

/** The router as a library: what the standalone launcher hands to agents instead of {@code HttpLlmClient}. */
public final class InProcessLlmClient implements LlmClient {
    private final RouterService router;

    public InProcessLlmClient(RouterService router) {
        this.router = router;
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        RoutedAnswer answer = router.chat(
                new ChatCall(
                        request.messages(),
                        request.temperature(),
                        request.maxOutputTokens(),
                        false,
                        request.metadata(),
                        request.tools()),
                TokenSink.NONE);
        ProviderReply reply = answer.reply();
        return new LlmResponse(
                reply.content(),
                reply.tier(),
                reply.provider(),
                reply.model(),
                reply.tokens(),
                answer.costMicros(),
                answer.latencyMillis(),
                reply.cached(),
                reply.fallback(),
                reply.scripted(),
                reply.toolCalls(),
                reply.finishReason());
    }
}
