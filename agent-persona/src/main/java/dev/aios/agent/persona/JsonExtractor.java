package dev.aios.agent.persona;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the JSON object in a model's answer the way models really answer: inside code fences, with prose
 * before or after, or cut off at the output limit (reported as truncated so the repair can say so).
 */
final class JsonExtractor {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_CANDIDATES = 50;
    static final String TRUNCATED = "(truncated)";

    private JsonExtractor() {}

    static JsonNode extract(String answer) throws InvalidOutputException {
        String firstError = null;
        boolean truncated = false;
        int candidates = 0;
        for (int start = answer.indexOf('{');
                start >= 0 && candidates < MAX_CANDIDATES;
                start = answer.indexOf('{', start + 1), candidates++) {
            int end = endOfObject(answer, start);
            if (end < 0) {
                // An object that never closes is either the real answer cut off, or a stray brace in prose.
                truncated = true;
                continue;
            }
            try {
                JsonNode node = MAPPER.readTree(answer.substring(start, end + 1));
                if (node.isObject()) {
                    return node;
                }
            } catch (JacksonException e) {
                if (firstError == null) {
                    firstError = "the JSON object is malformed: " + e.getOriginalMessage();
                }
            }
        }
        if (truncated && firstError == null) {
            throw new InvalidOutputException("the output ends before the JSON object is closed " + TRUNCATED);
        }
        if (firstError != null) {
            throw new InvalidOutputException(firstError);
        }
        throw new InvalidOutputException("the output contains no JSON object");
    }

    /** Index of the brace closing the object opened at {@code start}, or -1 if the text ends first. */
    private static int endOfObject(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
