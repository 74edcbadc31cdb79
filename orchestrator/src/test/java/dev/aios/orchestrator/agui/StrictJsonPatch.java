package dev.aios.orchestrator.agui;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies RFC 6902 {@code add}, {@code remove} and {@code replace} the way the RFC says and no more leniently: a
 * {@code remove} or {@code replace} of a missing member, an {@code add} under a missing parent, or an array index past
 * the end fails. Written apart from {@link JsonPatches}, so that a delta that only "works" for its own diff is caught.
 */
final class StrictJsonPatch {
    private StrictJsonPatch() {}

    static JsonNode apply(JsonNode document, JsonNode patch) {
        JsonNode doc = document.deepCopy();
        for (JsonNode op : patch) {
            String path = op.required("path").asString();
            if (path.isEmpty()) {
                doc = op.required("value").deepCopy();
                continue;
            }
            int cut = path.lastIndexOf('/');
            JsonNode parent = resolve(doc, path.substring(0, cut));
            String token = path.substring(cut + 1).replace("~1", "/").replace("~0", "~");
            switch (op.required("op").asString()) {
                case "add" -> add(parent, token, op.required("value").deepCopy(), path);
                case "remove" -> remove(parent, token, path);
                case "replace" -> {
                    remove(parent, token, path);
                    add(parent, token, op.required("value").deepCopy(), path);
                }
                default -> throw new IllegalArgumentException("unexpected op " + op);
            }
        }
        return doc;
    }

    private static JsonNode resolve(JsonNode doc, String pointer) {
        JsonNode at = doc;
        if (pointer.isEmpty()) {
            return at;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            JsonNode next = at.isArray() ? at.get(Integer.parseInt(token)) : at.get(token);
            if (next == null) {
                throw new IllegalArgumentException("no " + pointer + " in the document");
            }
            at = next;
        }
        return at;
    }

    private static void add(JsonNode parent, String token, JsonNode value, String path) {
        if (parent instanceof ObjectNode object) {
            object.set(token, value);
        } else if (parent instanceof ArrayNode array) {
            int index = token.equals("-") ? array.size() : Integer.parseInt(token);
            if (index > array.size()) {
                throw new IllegalArgumentException("index past the end at " + path);
            }
            array.insert(index, value);
        } else {
            throw new IllegalArgumentException("add into a value at " + path);
        }
    }

    private static void remove(JsonNode parent, String token, String path) {
        if (parent instanceof ObjectNode object && object.has(token)) {
            object.remove(token);
        } else if (parent instanceof ArrayNode array && Integer.parseInt(token) < array.size()) {
            array.remove(Integer.parseInt(token));
        } else {
            throw new IllegalArgumentException("nothing at " + path);
        }
    }
}
