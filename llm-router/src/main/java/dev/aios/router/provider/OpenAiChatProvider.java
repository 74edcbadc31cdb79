package dev.aios.router.provider;

import dev.aios.router.client.ChatMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's {@code POST /chat/completions} wire format, also spoken by vLLM, Ollama and llama.cpp's server, so the
 * local tier is this adapter with another base URL (e.g. {@code http://gpu:8000/v1}).
 */
public final class OpenAiChatProvider implements ChatProvider {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderEndpoint endpoint;
    private final HttpWire wire;
    private final URI completions;

    public OpenAiChatProvider(ProviderEndpoint endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.wire = new HttpWire(http, endpoint.provider());
        this.completions = endpoint.resolve("/chat/completions");
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        HttpRequest.Builder http = HttpRequest.newBuilder(completions)
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request)));
        if (!endpoint.apiKey().isEmpty()) {
            http.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        return request.stream() ? stream(http.build(), sink) : complete(http.build());
    }

    private String body(ProviderRequest request) {
        ObjectNode root = JSON.createObjectNode().put("model", endpoint.model());
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        root.put("temperature", request.temperature());
        if (request.maxOutputTokens() > 0) {
            root.put("max_tokens", request.maxOutputTokens());
        }
        if (request.stream()) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        return JSON.writeValueAsString(root);
    }

    private ProviderReply complete(HttpRequest http) {
        JsonNode root = wire.json(wire.post(http));
        JsonNode choice = root.path("choices").path(0);
        rejectFiltered(choice.path("finish_reason").asString(""));
        JsonNode content = choice.path("message").path("content");
        if (!content.isString()) {
            throw ProviderErrors.malformed(endpoint.provider(), "no choices[0].message.content", null);
        }
        JsonNode usage = root.path("usage");
        return endpoint.reply(content.asString(), usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
    }

    private ProviderReply stream(HttpRequest http, TokenSink sink) {
        StringBuilder content = new StringBuilder();
        long[] usage = new long[2];
        boolean[] done = new boolean[1];
        wire.postStreaming(http, event -> {
            if (event.data().equals("[DONE]")) {
                done[0] = true;
                return;
            }
            JsonNode chunk = wire.json(event.data());
            if (chunk.has("error")) {
                throw ProviderErrors.fromStatus(endpoint.provider(), 500, java.util.Optional.empty(), event.data());
            }
            JsonNode choice = chunk.path("choices").path(0);
            rejectFiltered(choice.path("finish_reason").asString(""));
            String delta = choice.path("delta").path("content").asString("");
            if (!delta.isEmpty()) {
                content.append(delta);
                sink.accept(delta);
            }
            if (chunk.path("usage").isObject()) {
                usage[0] = chunk.path("usage").path("prompt_tokens").asLong(0);
                usage[1] = chunk.path("usage").path("completion_tokens").asLong(0);
            }
        });
        if (!done[0]) {
            throw ProviderErrors.malformed(endpoint.provider(), "stream ended without [DONE]", null);
        }
        return endpoint.reply(content.toString(), usage[0], usage[1]);
    }

    private void rejectFiltered(String finishReason) {
        if (finishReason.equals("content_filter")) {
            throw ProviderErrors.contentFiltered(endpoint.provider(), "finish_reason content_filter");
        }
    }
}
