package dev.aios.agent.persona;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Field access that names the missing or mistyped field, so the repair request can quote it. */
public final class Json {
    private Json() {}

    public static String requiredText(JsonNode node, String field) throws InvalidOutputException {
        return requiredText(node, field, "");
    }

    public static String requiredText(JsonNode node, String field, String where) throws InvalidOutputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new InvalidOutputException("field " + where + field + " is missing or not a non-empty string");
        }
        return value.stringValue();
    }

    public static JsonNode optionalArray(JsonNode node, String field) throws InvalidOutputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw new InvalidOutputException("field " + field + " is not an array");
        }
        return value;
    }

    public static List<String> stringList(JsonNode node, String field, String where, boolean required)
            throws InvalidOutputException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidOutputException("field " + where + field + " is missing");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidOutputException("field " + where + field + " is not an array of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new InvalidOutputException("field " + where + field + " holds a non-string item");
            }
            items.add(item.stringValue());
        }
        return items;
    }
}
