package dev.aios.router.provider;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.ToolCall;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Anthropic's {@code POST /v1/messages} wire format, including its named SSE events when streaming. */
public final class AnthropicChatProvider implements ChatProvider {
    static final String API_VERSION = "2023-06-01";
    /** Anthropic requires max_tokens; used when the caller gives none. */
    private static final int DEFAULT_MAX_TOKENS = 4096;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProviderEndpoint endpoint;
    private final HttpWire wire;

    public AnthropicChatProvider(ProviderEndpoint endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.wire = new HttpWire(http, endpoint.provider());
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        HttpRequest http = HttpRequest.newBuilder(endpoint.resolve("/messages"))
                .timeout(endpoint.timeout())
                .header("Content-Type", "application/json")
                .header("x-api-key", endpoint.apiKey())
                .header("anthropic-version", API_VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(body(request)))
                .build();
        return request.stream() ? stream(http, sink) : complete(http);
    }

    private String body(ProviderRequest request) {
        ObjectNode root = JSON.createObjectNode().put("model", endpoint.model());
        root.put("max_tokens", request.maxOutputTokens() > 0 ? request.maxOutputTokens() : DEFAULT_MAX_TOKENS);
        StringBuilder system = new StringBuilder();
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage m : request.messages()) {
            // Anthropic takes the system prompt as a top-level field, not as a message
            if (m.role().equals("system")) {
                system.append(system.isEmpty() ? "" : "\n\n").append(m.content());
            } else if (m.role().equals("tool") || !m.toolCalls().isEmpty()) {
                AnthropicToolWire.addBlocks(messages, m);
            } else {
                messages.addObject().put("role", m.role()).put("content", m.content());
            }
        }
        if (!system.isEmpty()) {
            root.put("system", system.toString());
        }
        AnthropicToolWire.putTools(root, request.tools());
        root.put("temperature", request.temperature());
        if (request.stream()) {
            root.put("stream", true);
        }
        return JSON.writeValueAsString(root);
    }

    private ProviderReply complete(HttpRequest http) {
        JsonNode root = wire.json(wire.post(http));
        String stopReason = root.path("stop_reason").asString("");
        rejectRefusal(stopReason);
        JsonNode blocks = root.path("content");
        if (!blocks.isArray()) {
            throw ProviderErrors.malformed(endpoint.provider(), "no content array", null);
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode block : blocks) {
            switch (block.path("type").asString("")) {
                case "text" -> text.append(block.path("text").asString(""));
                case "tool_use" -> {
                    if (!block.path("id").isString()
                            || !block.path("name").isString()
                            || !block.path("input").isObject()) {
                        throw ProviderErrors.malformed(
                                endpoint.provider(),
                                "a tool_use block without a string id, name or an input object",
                                null);
                    }
                    toolCalls.add(new ToolCall(
                            block.path("id").asString(),
                            block.path("name").asString(),
                            JSON.writeValueAsString(block.path("input"))));
                }
                default -> {} // thinking and other blocks have no place in an OpenAI answer
            }
        }
        JsonNode usage = root.path("usage");
        return endpoint.reply(
                text.toString(),
                toolCalls,
                finishReason(stopReason, toolCalls),
                usage.path("input_tokens").asLong(0),
                usage.path("output_tokens").asLong(0));
    }

    /** Anthropic's stop reasons in OpenAI's words. */
    private static String finishReason(String stopReason, List<ToolCall> toolCalls) {
        return switch (stopReason) {
            case "tool_use" -> "tool_calls";
            case "max_tokens" -> "length";
            case "end_turn", "stop_sequence" -> "stop";
            default -> ProviderReply.defaultFinishReason(toolCalls);
        };
    }

    private ProviderReply stream(HttpRequest http, TokenSink sink) {
        StringBuilder content = new StringBuilder();
        long[] usage = new long[2];
        boolean[] stopped = new boolean[1];
        String[] stopReason = {""};
        StreamedToolCalls toolCalls = new StreamedToolCalls(endpoint.provider(), sink);
        wire.postStreaming(http, event -> {
            JsonNode data = wire.json(event.data());
            String type = data.path("type").asString(event.event());
            switch (type) {
                case "message_start" ->
                    usage[0] = data.path("message")
                            .path("usage")
                            .path("input_tokens")
                            .asLong(0);
                case "content_block_start" ->
                    toolCalls.blockStarted(data.path("index").asInt(-1), data.path("content_block"));
                case "content_block_delta" -> {
                    JsonNode delta = data.path("delta");
                    if (delta.path("type").asString("").equals("input_json_delta")) {
                        toolCalls.argumentsArrived(
                                data.path("index").asInt(-1),
                                delta.path("partial_json").asString(""));
                    } else {
                        String text = delta.path("text").asString("");
                        if (!text.isEmpty()) {
                            content.append(text);
                            sink.accept(text);
                        }
                    }
                }
                case "content_block_stop" ->
                    toolCalls.blockStopped(data.path("index").asInt(-1));
                case "message_delta" -> {
                    String reason = data.path("delta").path("stop_reason").asString("");
                    rejectRefusal(reason);
                    stopReason[0] = reason.isEmpty() ? stopReason[0] : reason;
                    usage[1] = data.path("usage").path("output_tokens").asLong(usage[1]);
                }
                case "message_stop" -> stopped[0] = true;
                // a mid-stream error carries the same body as an HTTP error; overloaded_error means 529
                case "error" ->
                    throw ProviderErrors.fromStatus(
                            endpoint.provider(),
                            statusOf(data.path("error").path("type").asString("")),
                            Optional.empty(),
                            event.data());
                default -> {} // ping carries nothing we need
            }
        });
        if (!stopped[0]) {
            throw ProviderErrors.malformed(endpoint.provider(), "stream ended without message_stop", null);
        }
        List<ToolCall> calls = toolCalls.calls();
        return endpoint.reply(content.toString(), calls, finishReason(stopReason[0], calls), usage[0], usage[1]);
    }

    private static int statusOf(String errorType) {
        return switch (errorType) {
            case "rate_limit_error" -> 429;
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "permission_error" -> 403;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    private void rejectRefusal(String stopReason) {
        if (stopReason.equals("refusal")) {
            throw ProviderErrors.contentFiltered(endpoint.provider(), "stop_reason refusal");
        }
    }
}
