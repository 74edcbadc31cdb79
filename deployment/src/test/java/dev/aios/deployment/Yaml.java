package dev.aios.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/** Small typed accessors over SnakeYAML's maps and lists, so checks read as paths ("spec.template.spec"). */
final class Yaml {

    private Yaml() {}

    static Map<String, Object> loadFile(Path file) {
        try {
            return map(newYaml().load(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : newYaml().loadAll(text)) {
            if (document != null) {
                documents.add(map(document, "document"));
            }
        }
        return documents;
    }

    private static org.yaml.snakeyaml.Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        // docker-compose.yml shares blocks through anchors and merge keys.
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new org.yaml.snakeyaml.Yaml(options);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException(what + " is not a mapping but " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalStateException(what + " is not a list but " + value);
    }

    /**
     * The value at a dotted path, or null. Accepts nested keys and flattened ones ("server.port: 8080"),
     * as Spring does.
     */
    static Object at(Map<String, Object> root, String dottedPath) {
        if (root.containsKey(dottedPath)) {
            return root.get(dottedPath);
        }
        int dot = dottedPath.indexOf('.');
        while (dot > 0) {
            Object head = root.get(dottedPath.substring(0, dot));
            if (head instanceof Map<?, ?>) {
                Object found = at(map(head, dottedPath), dottedPath.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = dottedPath.indexOf('.', dot + 1);
        }
        return null;
    }

    /** A JSON array of strings, as Dockerfile exec forms write them: ["java", "-jar", "app.jar"]. */
    static List<String> strings(String jsonArray, String what) {
        return list(newYaml().load(jsonArray), what).stream()
                .map(String::valueOf)
                .toList();
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String dottedPath) {
        Object value = at(root, dottedPath);
        return value == null ? Map.of() : map(value, dottedPath);
    }

    static List<Object> listAt(Map<String, Object> root, String dottedPath) {
        Object value = at(root, dottedPath);
        return value == null ? List.of() : list(value, dottedPath);
    }

    static String stringAt(Map<String, Object> root, String dottedPath) {
        Object value = at(root, dottedPath);
        return value == null ? null : String.valueOf(value);
    }
}
