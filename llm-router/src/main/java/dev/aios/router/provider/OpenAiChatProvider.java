package dev.aios.router.provider;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.OpenAiToolWire;
import dev.aios.router.client.ToolCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
            ObjectNode message = messages.addObject().put("role", m.role());
            // an assistant turn that only calls tools has no content, which OpenAI writes as null
            if (m.content().isEmpty() && !m.toolCalls().isEmpty()) {
                message.putNull("content");
            } else {
                message.put("content", m.content());
            }
            OpenAiToolWire.putToolCalls(message, m.toolCalls());
            if (!m.toolCallId().isEmpty()) {
                message.put("tool_call_id", m.toolCallId());
            }
        }
        OpenAiToolWire.putTools(root, request.tools().definitions());
        request.tools().choice().ifPresent(choice -> OpenAiToolWire.putToolChoice(root, choice));
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
        String finishReason = choice.path("finish_reason").asString("");
        rejectFiltered(finishReason);
        JsonNode message = choice.path("message");
        List<ToolCall> toolCalls;
        try {
            toolCalls = OpenAiToolWire.readToolCalls(message.path("tool_calls"));
        } catch (IllegalArgumentException e) {
            throw ProviderErrors.malformed(endpoint.provider(), e.getMessage(), e);
        }
        JsonNode content = message.path("content");
        // a turn that only calls tools may have a null content
        if (!content.isString() && !(toolCalls.size() > 0 && (content.isNull() || content.isMissingNode()))) {
            throw ProviderErrors.malformed(endpoint.provider(), "no choices[0].message.content", null);
        }
        JsonNode usage = root.path("usage");
        return endpoint.reply(
                content.asString(""),
                toolCalls,
                finishReason(finishReason, toolCalls),
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0));
    }

    /** OpenAI's own reasons pass as they are; a server that gives none (some local ones) stopped normally. */
    private static String finishReason(String given, List<ToolCall> toolCalls) {
        return switch (given) {
            case "stop", "length", "tool_calls" -> given;
            default -> ProviderReply.defaultFinishReason(toolCalls);
        };
    }

    private ProviderReply stream(HttpRequest http, TokenSink sink) {
        StringBuilder content = new StringBuilder();
        long[] usage = new long[2];
        boolean[] done = new boolean[1];
        String[] finishReason = {""};
        // tool calls arrive in pieces keyed by index: id and name first, then fragments of the arguments
        Map<Integer, String[]> calls = new TreeMap<>();
        wire.postStreaming(http, event -> {
            if (event.data().equals("[DONE]")) {
                done[0] = true;
                return;
            }
            JsonNode chunk = wire.json(event.data());
            if (chunk.has("error")) {
                throw ProviderErrors.fromStatus(endpoint.provider(), 500, Optional.empty(), event.data());
            }
            JsonNode choice = chunk.path("choices").path(0);
            String reason = choice.path("finish_reason").asString("");
            rejectFiltered(reason);
            if (!reason.isEmpty()) {
                finishReason[0] = reason;
            }
            String delta = choice.path("delta").path("content").asString("");
            if (!delta.isEmpty()) {
                content.append(delta);
                sink.accept(delta);
            }
            for (JsonNode piece : choice.path("delta").path("tool_calls")) {
                toolCallPiece(piece, calls, sink);
            }
            if (chunk.path("usage").isObject()) {
                usage[0] = chunk.path("usage").path("prompt_tokens").asLong(0);
                usage[1] = chunk.path("usage").path("completion_tokens").asLong(0);
            }
        });
        if (!done[0]) {
            throw ProviderErrors.malformed(endpoint.provider(), "stream ended without [DONE]", null);
        }
        List<ToolCall> toolCalls = new ArrayList<>();
        for (String[] call : calls.values()) {
            if (call[0].isEmpty() || call[1].isEmpty()) {
                throw ProviderErrors.malformed(
                        endpoint.provider(), "a streamed tool call without an id or a name", null);
            }
            toolCalls.add(new ToolCall(call[0], call[1], call[2]));
        }
        return endpoint.reply(
                content.toString(), toolCalls, finishReason(finishReason[0], toolCalls), usage[0], usage[1]);
    }

    private void toolCallPiece(JsonNode piece, Map<Integer, String[]> calls, TokenSink sink) {
        if (!piece.path("index").isIntegralNumber()) {
            throw ProviderErrors.malformed(endpoint.provider(), "a streamed tool call without an index", null);
        }
        int index = piece.path("index").asInt();
        String id = piece.path("id").asString("");
        String name = piece.path("function").path("name").asString("");
        String arguments = piece.path("function").path("arguments").asString("");
        String[] call = calls.computeIfAbsent(index, i -> new String[] {"", "", ""});
        call[0] = id.isEmpty() ? call[0] : id;
        call[1] = name.isEmpty() ? call[1] : name;
        call[2] = call[2] + arguments;
        sink.acceptToolCall(new ToolCallDelta(index, id, name, arguments));
    }

    private void rejectFiltered(String finishReason) {
        if (finishReason.equals("content_filter")) {
            throw ProviderErrors.contentFiltered(endpoint.provider(), "finish_reason content_filter");
        }
    }
}
