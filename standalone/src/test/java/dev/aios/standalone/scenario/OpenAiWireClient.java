package dev.aios.standalone.scenario;

import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import dev.aios.router.provider.OpenAiChatProvider;
import dev.aios.router.provider.ProviderEndpoint;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The personas' {@link LlmClient} over the router's own OpenAI adapter, straight to a base URL: what the router's
 * local tier sends and reads, without the router's policy, pricing and retries around it.
 */
final class OpenAiWireClient implements LlmClient {
    private final OpenAiChatProvider provider;
    private final boolean stream;

    OpenAiWireClient(URI baseUrl, boolean stream) {
        ProviderEndpoint endpoint = new ProviderEndpoint(
                "local", "openai-compatible", ScenarioModelServer.MODEL, baseUrl, "", Duration.ofSeconds(30));
        this.provider = new OpenAiChatProvider(endpoint, HttpClient.newHttpClient());
        this.stream = stream;
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        ProviderReply reply = provider.chat(
                new ProviderRequest(
                        request.messages(),
                        request.temperature(),
                        request.maxOutputTokens(),
                        stream,
                        request.metadata()),
                token -> {});
        return new LlmResponse(
                reply.content(),
                reply.tier(),
                reply.provider(),
                reply.model(),
                reply.tokens(),
                0,
                0,
                false,
                false,
                false);
    }
}
