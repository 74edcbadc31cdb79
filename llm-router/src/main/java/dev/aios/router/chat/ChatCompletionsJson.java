package dev.aios.router.chat;

import dev.aios.router.client.CallMetadata;
import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.OpenAiToolWire;
import dev.aios.router.client.RouterHeaders;
import dev.aios.router.client.Tools;
import dev.aios.router.policy.Tier;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ToolCallDelta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The OpenAI-compatible wire format in and out, plus the {@code aios} extension object on every answer. */
final class ChatCompletionsJson {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private ChatCompletionsJson() {}

    /** {@code model} may be "auto" (or absent) or a tier id; a tier in the body and a different one in the header is an error. */
    static ChatCall parse(String body, HttpHeaders headers) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw RequestRejected.invalid(
                    "Body is not JSON", "the request body must be a JSON chat completion request");
        }
        if (root == null || !root.isObject()) {
            throw RequestRejected.invalid("Body is not a JSON object", "the request body must be a JSON object");
        }
        ChatRequestJson.onlyKnownFields(root, "", ChatRequestJson.TOP_LEVEL);
        ChatRequestJson.streamOptions(root.path("stream_options"));
        List<ChatMessage> messages = ChatRequestJson.messages(root.path("messages"));
        Tools tools = ChatRequestJson.tools(root.path("tools"), root.path("tool_choice"));
        double temperature = number(root, "temperature", 1.0);
        int maxTokens = (int) number(root, "max_tokens", 0);
        boolean stream = root.path("stream").asBoolean(false);
        return new ChatCall(messages, temperature, maxTokens, stream, metadata(headers, modelTier(root)), tools);
    }

    private static double number(JsonNode root, String field, double absent) {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return absent;
        }
        if (!node.isNumber()) {
            throw RequestRejected.invalid("Malformed " + field, "\"" + field + "\" must be a number");
        }
        return node.asDouble();
    }

    private static Optional<String> modelTier(JsonNode root) {
        String model = root.path("model").asString("auto").trim();
        if (model.isEmpty() || model.equals("auto")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Tier.parse(model).id());
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid(
                    "Unknown tier", "model '" + model + "' is neither \"auto\" nor a tier: " + e.getMessage());
        }
    }

    private static CallMetadata metadata(HttpHeaders headers, Optional<String> modelTier) {
        Optional<String> headerTier = Optional.ofNullable(headers.getFirst(RouterHeaders.TIER_OVERRIDE))
                .filter(s -> !s.isBlank());
        if (headerTier.isPresent() && modelTier.isPresent() && !headerTier.get().equals(modelTier.get())) {
            throw RequestRejected.invalid(
                    "Conflicting tiers",
                    "model names tier '" + modelTier.get() + "' but " + RouterHeaders.TIER_OVERRIDE + " names '"
                            + headerTier.get() + "'");
        }
        return new CallMetadata(
                text(headers, RouterHeaders.PROJECT_ID),
                text(headers, RouterHeaders.TASK_ID),
                text(headers, RouterHeaders.ROLE),
                text(headers, RouterHeaders.TASK_KIND),
                text(headers, RouterHeaders.COMPLEXITY_HINT),
                integer(headers, RouterHeaders.ESTIMATE_POINTS).orElse(0L).intValue(),
                integer(headers, RouterHeaders.FILES_INVOLVED).orElse(0L).intValue(),
                headerTier.or(() -> modelTier),
                integer(headers, RouterHeaders.BUDGET_REMAINING_MICROS),
                text(headers, RouterHeaders.BRIEF_DIGEST),
                text(headers, RouterHeaders.PROMPT_VERSION),
                integer(headers, RouterHeaders.BUDGET_LIMIT_MICROS));
    }

    private static String text(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        return value == null ? "" : value.trim();
    }

    private static Optional<Long> integer(HttpHeaders headers, String name) {
        String value = text(headers, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw RequestRejected.invalid("Malformed header", name + " must be an integer, was '" + value + "'");
        }
    }

    static String completion(RoutedAnswer answer, long created) {
        ProviderReply reply = answer.reply();
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-" + answer.callId())
                .put("object", "chat.completion")
                .put("created", created)
                .put("model", reply.model());
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        // OpenAI writes the content of a turn that only calls tools as null
        if (reply.content().isEmpty() && !reply.toolCalls().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", reply.content());
        }
        OpenAiToolWire.putToolCalls(message, reply.toolCalls());
        choice.put("finish_reason", reply.finishReason());
        usage(root, reply);
        aios(root, answer);
        return JSON.writeValueAsString(root);
    }

    static String chunk(String callId, long created, String model, String delta) {
        ObjectNode root = chunkRoot(callId, created, model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("content", delta);
        choice.putNull("finish_reason");
        return JSON.writeValueAsString(root);
    }

    /**
     * A piece of a streamed tool call in OpenAI's delta form: the first piece of a call has its id, type and name, the
     * following ones only the index and the next fragment of the arguments.
     */
    static String toolCallChunk(String callId, long created, String model, ToolCallDelta delta) {
        ObjectNode root = chunkRoot(callId, created, model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode call =
                choice.putObject("delta").putArray("tool_calls").addObject().put("index", delta.index());
        if (delta.starts()) {
            call.put("id", delta.id()).put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (!delta.name().isEmpty()) {
            function.put("name", delta.name());
        }
        function.put("arguments", delta.argumentsFragment());
        choice.putNull("finish_reason");
        return JSON.writeValueAsString(root);
    }

    /** The last chunk: finish reason, usage and the aios extension, as OpenAI sends with include_usage. */
    static String finalChunk(RoutedAnswer answer, long created) {
        ObjectNode root = chunkRoot(answer.callId(), created, answer.reply().model());
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", answer.reply().finishReason());
        usage(root, answer.reply());
        aios(root, answer);
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode chunkRoot(String callId, long created, String model) {
        return JSON.createObjectNode()
                .put("id", "chatcmpl-" + callId)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
    }

    private static void usage(ObjectNode root, ProviderReply reply) {
        root.putObject("usage")
                .put("prompt_tokens", reply.tokens().inputTokens())
                .put("completion_tokens", reply.tokens().outputTokens())
                .put("total_tokens", reply.tokens().totalTokens());
    }

    private static void aios(ObjectNode root, RoutedAnswer answer) {
        ProviderReply reply = answer.reply();
        root.putObject("aios")
                .put("tier", reply.tier())
                .put("requested_tier", answer.decision().tier().id())
                .put("provider", reply.provider())
                .put("model", reply.model())
                .put("cost_micros", answer.costMicros())
                .put("latency_ms", answer.latencyMillis())
                .put("cached", reply.cached())
                .put("fallback", reply.fallback())
                .put("scripted", reply.scripted())
                .put("overridden", answer.decision().overridden())
                .put("score", answer.decision().score())
                .put("reason", answer.decision().reason());
    }

    static String explanation(Explanation explanation) {
        ObjectNode root = JSON.createObjectNode()
                .put("tier", explanation.decision().tier().id())
                .put("score", explanation.decision().score())
                .put("reason", explanation.decision().reason())
                .put("overridden", explanation.decision().overridden())
                .put("downgraded", explanation.decision().downgraded());
        ObjectNode features = root.putObject("features");
        explanation.decision().features().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> features.put(e.getKey(), e.getValue()));
        explanation.chain().forEach(root.putArray("chain")::add);
        ObjectNode tiers = root.putObject("tiers");
        explanation.tierStatus().forEach(tiers::put);
        return JSON.writeValueAsString(root);
    }
}
