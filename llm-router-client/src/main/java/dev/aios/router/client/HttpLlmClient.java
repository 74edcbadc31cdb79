package dev.aios.router.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the router's OpenAI-compatible {@code POST /v1/chat/completions} over HTTP as one AIOS service (its
 * {@link RouterToken} as {@code Authorization: Bearer}), sends {@link CallMetadata} as {@link RouterHeaders}, and maps
 * problem details back to {@link LlmCallException} kinds.
 */
public final class HttpLlmClient implements LlmClient {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;
    private final RouterToken token;
    private final Duration timeout;

    /**
     * @param baseUrl the router, e.g. {@code http://llm-router:8081}
     * @param token this service's router token: the router refuses every call without a valid one
     */
    public HttpLlmClient(URI baseUrl, RouterToken token, Duration timeout) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, token, timeout);
    }

    public HttpLlmClient(HttpClient http, URI baseUrl, RouterToken token, Duration timeout) {
        this.http = requireNonNull(http, "http client");
        this.endpoint = requireNonNull(baseUrl, "base url").resolve("/v1/chat/completions");
        this.token = requireNonNull(token, "router token");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        requireNonNull(request, "request");
        HttpResponse<String> response = send(toHttpRequest(request));
        if (response.statusCode() / 100 != 2) {
            throw ProblemMapping.toException(
                    response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        }
        return parse(response.body());
    }

    private HttpRequest toHttpRequest(LlmRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", token.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body(request)));
        CallMetadata m = request.metadata();
        header(builder, RouterHeaders.PROJECT_ID, m.projectId());
        header(builder, RouterHeaders.TASK_ID, m.taskId());
        header(builder, RouterHeaders.ROLE, m.role());
        header(builder, RouterHeaders.TASK_KIND, m.taskKind());
        header(builder, RouterHeaders.COMPLEXITY_HINT, m.complexityHint());
        header(
                builder,
                RouterHeaders.ESTIMATE_POINTS,
                m.estimatePoints() > 0 ? Integer.toString(m.estimatePoints()) : "");
        header(builder, RouterHeaders.FILES_INVOLVED, m.filesInvolved() > 0 ? Integer.toString(m.filesInvolved()) : "");
        m.tierOverride().ifPresent(tier -> header(builder, RouterHeaders.TIER_OVERRIDE, tier));
        header(builder, RouterHeaders.BRIEF_DIGEST, m.briefDigest());
        header(builder, RouterHeaders.PROMPT_VERSION, m.promptVersion());
        m.budgetRemainingMicros()
                .ifPresent(budget -> header(builder, RouterHeaders.BUDGET_REMAINING_MICROS, Long.toString(budget)));
        m.budgetLimitMicros()
                .ifPresent(limit -> header(builder, RouterHeaders.BUDGET_LIMIT_MICROS, Long.toString(limit)));
        return builder.build();
    }

    private static void header(HttpRequest.Builder builder, String name, String value) {
        if (!value.isBlank()) {
            builder.header(name, value);
        }
    }

    static String body(LlmRequest request) {
        ObjectNode root = JSON.createObjectNode();
        // "auto" lets the router's policy choose; an explicit tier travels in the X-AIOS-Tier header
        root.put("model", "auto");
        ArrayNode messages = root.putArray("messages");
        for (ChatMessage message : request.messages()) {
            ObjectNode m = messages.addObject().put("role", message.role()).put("content", message.content());
            OpenAiToolWire.putToolCalls(m, message.toolCalls());
            if (!message.toolCallId().isEmpty()) {
                m.put("tool_call_id", message.toolCallId());
            }
        }
        OpenAiToolWire.putTools(root, request.tools().definitions());
        request.tools().choice().ifPresent(choice -> OpenAiToolWire.putToolChoice(root, choice));
        root.put("temperature", request.temperature());
        if (request.maxOutputTokens() > 0) {
            root.put("max_tokens", request.maxOutputTokens());
        }
        root.put("stream", false);
        return JSON.writeValueAsString(root);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new LlmCallException(LlmCallException.Kind.TIMEOUT, "router did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new LlmCallException(
                    LlmCallException.Kind.PROVIDER_UNAVAILABLE, "router unreachable at " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCallException(LlmCallException.Kind.TIMEOUT, "interrupted while calling the router", e);
        }
    }

    static LlmResponse parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new LlmCallException(
                    LlmCallException.Kind.PROVIDER_UNAVAILABLE, "router answered with a body that is not JSON", e);
        }
        JsonNode message = root.path("choices").path(0).path("message");
        List<ToolCall> toolCalls;
        try {
            toolCalls = OpenAiToolWire.readToolCalls(message.path("tool_calls"));
        } catch (IllegalArgumentException e) {
            throw new LlmCallException(
                    LlmCallException.Kind.PROVIDER_UNAVAILABLE, "router answer has " + e.getMessage(), e);
        }
        JsonNode content = message.path("content");
        // a turn that only calls tools has a null content
        if (!content.isString() && !(!toolCalls.isEmpty() && (content.isNull() || content.isMissingNode()))) {
            throw new LlmCallException(
                    LlmCallException.Kind.PROVIDER_UNAVAILABLE, "router answer has no choices[0].message.content");
        }
        JsonNode usage = root.path("usage");
        JsonNode aios = root.path("aios");
        return new LlmResponse(
                content.asString(""),
                aios.path("tier").asString(""),
                aios.path("provider").asString(""),
                aios.path("model").asString(root.path("model").asString("")),
                new TokenUsage(
                        usage.path("prompt_tokens").asLong(0),
                        usage.path("completion_tokens").asLong(0)),
                aios.path("cost_micros").asLong(0),
                aios.path("latency_ms").asLong(0),
                aios.path("cached").asBoolean(false),
                aios.path("fallback").asBoolean(false),
                aios.path("scripted").asBoolean(false),
                toolCalls,
                root.path("choices")
                        .path(0)
                        .path("finish_reason")
                        .asString(toolCalls.isEmpty() ? "stop" : "tool_calls"));
    }
}
