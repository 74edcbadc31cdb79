package dev.aios.agent.persona.testing;

import dev.aios.router.client.ChatMessage;
import dev.aios.router.client.LlmCallException;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.LlmRequest;
import dev.aios.router.client.LlmResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays a scripted recording the way the router's scripted provider does: the first entry whose given match
 * fields (role, taskId, promptContains on the last user message) all match answers, marked scripted.
 */
public final class RecordedLlm implements LlmClient {
    /** The demo's recording, relative to any module directory of the build. */
    public static final Path SAMPLE_BRIEF = Path.of("../standalone/src/main/resources/scripted/sample-brief.json");

    private final List<JsonNode> entries;

    private RecordedLlm(List<JsonNode> entries) {
        this.entries = entries;
    }

    public static RecordedLlm load(Path recording) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(recording));
        return new RecordedLlm(root.get("entries").valueStream().toList());
    }

    public List<JsonNode> entries() {
        return entries;
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        String lastUser = request.messages().reversed().stream()
                .filter(m -> m.role().equals("user")).map(ChatMessage::content).findFirst().orElse("");
        for (JsonNode entry : entries) {
            JsonNode match = entry.get("match");
            if (matches(match, "role", request.metadata().role())
                    && matches(match, "taskId", request.metadata().taskId())
                    && (!match.has("promptContains") || lastUser.contains(match.get("promptContains").stringValue()))) {
                return new LlmResponse(entry.get("response").stringValue(), "local", "scripted", "scripted",
                        entry.get("inputTokens").asLong(), entry.get("outputTokens").asLong(), 0, 0, false, false, true);
            }
        }
        throw new LlmCallException(LlmCallException.Kind.INVALID_REQUEST,
                "no recording for role " + request.metadata().role() + ", task " + request.metadata().taskId());
    }

    private static boolean matches(JsonNode match, String field, String actual) {
        return !match.has(field) || match.get(field).stringValue().equals(actual);
    }
}
