package dev.aios.orchestrator.agui;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The RFC 6902 patch that turns one JSON document into another: objects are compared member by member, arrays index by
 * index (appended elements are added, a shorter array loses its tail from the end), anything else that differs is
 * replaced. Applying the patch to {@code before} gives a document equal to {@code after}.
 */
final class JsonPatches {
    private JsonPatches() {}

    static ArrayNode diff(JsonNode before, JsonNode after) {
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        diff("", before, after, ops);
        return ops;
    }

    private static void diff(String path, JsonNode before, JsonNode after, ArrayNode ops) {
        if (before == after || before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            List<String> removed = new ArrayList<>();
            for (String name : before.propertyNames()) {
                if (!after.has(name)) {
                    removed.add(name);
                }
            }
            removed.forEach(name -> op(ops, "remove", path + "/" + escape(name), null));
            for (var member : after.properties()) {
                JsonNode old = before.get(member.getKey());
                String at = path + "/" + escape(member.getKey());
                if (old == null) {
                    op(ops, "add", at, member.getValue());
                } else {
                    diff(at, old, member.getValue(), ops);
                }
            }
        } else if (before.isArray() && after.isArray()) {
            int common = Math.min(before.size(), after.size());
            for (int i = 0; i < common; i++) {
                diff(path + "/" + i, before.get(i), after.get(i), ops);
            }
            for (int i = common; i < after.size(); i++) {
                op(ops, "add", path + "/" + i, after.get(i));
            }
            for (int i = before.size() - 1; i >= common; i--) {
                op(ops, "remove", path + "/" + i, null);
            }
        } else {
            op(ops, "replace", path, after);
        }
    }

    private static void op(ArrayNode ops, String op, String path, @Nullable JsonNode value) {
        ObjectNode node = ops.addObject().put("op", op).put("path", path);
        if (value != null) {
            node.set("value", value);
        }
    }

    /** A member name as a JSON Pointer reference token (RFC 6901): {@code ~} is {@code ~0}, {@code /} is {@code ~1}. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
