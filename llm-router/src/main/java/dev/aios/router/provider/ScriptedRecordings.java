package dev.aios.router.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses recordings files; a file that does not follow the format is an error naming the file, not a silent skip. */
public final class ScriptedRecordings {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScriptedRecordings() {}

    public static ScriptedRecording parse(String source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scripted recording " + source + " is not JSON: " + e.getMessage(), e);
        }
        JsonNode entries = root.path("entries");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("scripted recording " + source + " has no \"entries\" array");
        }
        List<ScriptedRecording.Entry> parsed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (!entry.path("response").isString()) {
                throw new IllegalArgumentException(
                        "scripted recording " + source + " entry " + i + " has no string \"response\"");
            }
            JsonNode match = entry.path("match");
            parsed.add(new ScriptedRecording.Entry(
                    text(match, "role"),
                    text(match, "taskId"),
                    text(match, "promptContains"),
                    entry.path("response").asString(),
                    entry.path("inputTokens").asLong(0),
                    entry.path("outputTokens").asLong(0)));
        }
        return new ScriptedRecording(root.path("scenario").asString(source), parsed);
    }

    private static Optional<String> text(JsonNode match, String field) {
        JsonNode value = match.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }
}
