package dev.aios.deployment;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The documents of one `helm template` run, with the look-ups the checks need. */
record Manifests(String yaml, List<Map<String, Object>> documents) {

    Manifests {
        requireNonNull(yaml, "yaml");
        documents = List.copyOf(documents);
    }

    static Manifests parse(String yaml) {
        return new Manifests(yaml, Yaml.loadAll(yaml));
    }

    List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> name.equals(Yaml.stringAt(d, "metadata.name")))
                .findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name)
                .orElseThrow(() ->
                        new AssertionError("the chart renders no " + kind + " named " + name + "; it renders "
                                + documents.stream()
                                        .map(d -> d.get("kind") + "/" + Yaml.stringAt(d, "metadata.name"))
                                        .toList()));
    }

    Set<String> kindsAndNames() {
        Set<String> names = new LinkedHashSet<>();
        documents.forEach(d -> names.add(d.get("kind") + "/" + Yaml.stringAt(d, "metadata.name")));
        return names;
    }

    /** The first container of a Deployment's pod template. */
    static Map<String, Object> firstContainer(Map<String, Object> deployment) {
        return Yaml.map(Yaml.listAt(deployment, "spec.template.spec.containers").getFirst(), "container");
    }

    /**
     * Every environment variable a Deployment's first container gets: its env entries and the keys of the
     * ConfigMaps it loads through envFrom (looked up in the same render).
     */
    Map<String, String> environmentOf(Map<String, Object> deployment) {
        Map<String, Object> container = firstContainer(deployment);
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : Yaml.listAt(container, "envFrom")) {
            String configMap = Yaml.stringAt(Yaml.map(from, "envFrom"), "configMapRef.name");
            if (configMap != null) {
                Yaml.mapAt(get("ConfigMap", configMap), "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        for (Object entry : Yaml.listAt(container, "env")) {
            Map<String, Object> variable = Yaml.map(entry, "env");
            Object value =
                    variable.containsKey("value") ? variable.get("value") : "<from " + variable.get("valueFrom") + ">";
            env.put(String.valueOf(variable.get("name")), String.valueOf(value));
        }
        return env;
    }

    List<String> names(String kind) {
        List<String> names = new ArrayList<>();
        ofKind(kind).forEach(d -> names.add(Yaml.stringAt(d, "metadata.name")));
        return names;
    }
}
