package dev.aios.router.cassette;

import dev.aios.router.client.ToolCall;
import dev.aios.router.provider.ProviderReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cassette's JSON form, versioned: {@code {"format": "aios-cassette", "version": 1, "recordedAt", "recordedWith",
 * "label", "project": {...}, "exchanges": [...]}}. A file that does not follow it is an error naming the file and the
 * entry, never a partial load.
 */
public final class CassetteFile {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CassetteFile() {}

    public static Cassette parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new InvalidCassetteException(source + " is not JSON: " + e.getMessage());
        }
        if (!Cassette.FORMAT.equals(root.path("format").asString(""))) {
            throw new InvalidCassetteException(
                    source + " is not an AIOS cassette (no \"format\": \"" + Cassette.FORMAT + "\")");
        }
        int version = root.path("version").asInt(0);
        if (version != Cassette.VERSION) {
            throw new InvalidCassetteException(
                    source + " is cassette version " + version + "; this AIOS reads version " + Cassette.VERSION);
        }
        JsonNode exchanges = root.path("exchanges");
        if (!exchanges.isArray()) {
            throw new InvalidCassetteException(source + " has no \"exchanges\" array");
        }
        List<Exchange> parsed = new ArrayList<>();
        for (int i = 0; i < exchanges.size(); i++) {
            parsed.add(exchange(source, i, exchanges.get(i)));
        }
        return new Cassette(
                source,
                version,
                root.path("recordedAt").asString(""),
                root.path("recordedWith").asString(""),
                root.path("label").asString(""),
                project(source, root.path("project")),
                parsed);
    }

    public static String write(Cassette cassette) {
        ObjectNode root = JSON.createObjectNode()
                .put("format", Cassette.FORMAT)
                .put("version", Cassette.VERSION)
                .put("recordedAt", cassette.recordedAt())
                .put("recordedWith", cassette.recordedWith())
                .put("label", cassette.label());
        cassette.project().ifPresent(p -> {
            ObjectNode project = root.putObject("project")
                    .put("name", p.name())
                    .put("brief", p.brief())
                    .put("budgetMicros", p.budgetMicros());
            ObjectNode options = project.putObject("options");
            p.options().forEach(options::put);
        });
        ArrayNode exchanges = root.putArray("exchanges");
        for (Exchange e : cassette.exchanges()) {
            ObjectNode exchange = exchanges
                    .addObject()
                    .put("seq", e.seq())
                    .put("request", e.requestDigest())
                    .put("brief", e.briefDigest())
                    .put("prompt", e.promptVersion())
                    .put("role", e.role())
                    .put("task", e.taskId())
                    .put("tier", e.tier())
                    .put("provider", e.provider())
                    .put("model", e.model())
                    .put("inputTokens", e.inputTokens())
                    .put("outputTokens", e.outputTokens())
                    .put("costMicros", e.costMicros());
            if (e.failed()) {
                exchange.putObject("error").put("kind", e.errorKind()).put("message", e.response());
            } else {
                exchange.put("response", e.response());
                // written only when there are tool calls or an unusual stop, so plain recordings look as they always
                // did
                if (!e.toolCalls().isEmpty()) {
                    ArrayNode calls = exchange.putArray("toolCalls");
                    e.toolCalls()
                            .forEach(c -> calls.addObject()
                                    .put("id", c.id())
                                    .put("name", c.name())
                                    .put("arguments", c.arguments()));
                }
                if (!e.finishReason().equals(ProviderReply.defaultFinishReason(e.toolCalls()))) {
                    exchange.put("finishReason", e.finishReason());
                }
            }
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static Exchange exchange(String source, int index, JsonNode node) {
        JsonNode error = node.path("error");
        if (error.isObject()) {
            if (!error.path("kind").isString() || !error.path("message").isString()) {
                throw new InvalidCassetteException(
                        source + " exchange " + index + ": \"error\" needs a string \"kind\" and \"message\"");
            }
        }
        for (String field : error.isObject()
                ? List.of("request", "brief", "role", "task")
                : List.of("request", "brief", "role", "task", "tier", "model", "response")) {
            if (!node.path(field).isString()) {
                throw new InvalidCassetteException(source + " exchange " + index + " has no string \"" + field + "\"");
            }
        }
        String request = node.path("request").asString();
        if (!request.startsWith("sha256:")) {
            throw new InvalidCassetteException(source + " exchange " + index + ": \"request\" is not a sha256: digest");
        }
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode call : node.path("toolCalls")) {
            if (!call.path("id").isString()
                    || !call.path("name").isString()
                    || !call.path("arguments").isString()) {
                throw new InvalidCassetteException(source + " exchange " + index
                        + ": a tool call needs a string \"id\", \"name\" and \"arguments\"");
            }
            toolCalls.add(new ToolCall(
                    call.path("id").asString(),
                    call.path("name").asString(),
                    call.path("arguments").asString()));
        }
        return new Exchange(
                node.path("seq").asInt(index + 1),
                request,
                node.path("brief").asString(),
                node.path("prompt").asString(""),
                node.path("role").asString(),
                node.path("task").asString(),
                node.path("tier").asString(""),
                node.path("provider").asString(""),
                node.path("model").asString(""),
                error.isObject()
                        ? error.path("message").asString()
                        : node.path("response").asString(),
                node.path("inputTokens").asLong(0),
                node.path("outputTokens").asLong(0),
                node.path("costMicros").asLong(0),
                error.isObject() ? error.path("kind").asString() : "",
                toolCalls,
                node.path("finishReason").asString(ProviderReply.defaultFinishReason(toolCalls)));
    }

    private static Optional<RecordedProject> project(String source, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.path("name").isString() || !node.path("brief").isString()) {
            throw new InvalidCassetteException(source + ": \"project\" needs a string \"name\" and \"brief\"");
        }
        Map<String, Integer> options = new LinkedHashMap<>();
        node.path("options")
                .properties()
                .forEach(
                        option -> options.put(option.getKey(), option.getValue().asInt()));
        return Optional.of(new RecordedProject(
                node.path("name").asString(),
                node.path("brief").asString(),
                node.path("budgetMicros").asLong(0),
                options));
    }
}
