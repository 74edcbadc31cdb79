package dev.aios.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml parsed as YAML (anchors and merge keys resolved), with the views the checks need. */
record ComposeStack(Map<String, Object> document) {

    static final Path FILE = RepositoryRoot.resolve("docker-compose.yml");
    static final Path ENV_EXAMPLE = RepositoryRoot.resolve("deploy/.env.example");

    static ComposeStack read() {
        return new ComposeStack(Yaml.loadFile(FILE));
    }

    Map<String, Object> services() {
        return Yaml.mapAt(document, "services");
    }

    Map<String, Object> service(String name) {
        return Yaml.map(services().get(name), "service " + name);
    }

    /** Services built from docker/Dockerfile, by compose name. */
    Map<String, Map<String, Object>> aiosServices() {
        Map<String, Map<String, Object>> aios = new LinkedHashMap<>();
        services().forEach((name, spec) -> {
            Map<String, Object> service = Yaml.map(spec, name);
            if ("docker/Dockerfile".equals(Yaml.stringAt(service, "build.dockerfile"))) {
                aios.put(name, service);
            }
        });
        return aios;
    }

    static String buildArg(Map<String, Object> service, String arg) {
        return Yaml.stringAt(Yaml.mapAt(service, "build"), "args." + arg);
    }

    /** The build args compose passes to docker/Dockerfile for a service (map form). */
    static Map<String, String> buildArgs(Map<String, Object> service) {
        Map<String, String> args = new LinkedHashMap<>();
        Yaml.mapAt(service, "build.args").forEach((k, v) -> args.put(k, v == null ? "" : String.valueOf(v)));
        return args;
    }

    /** The service's environment section, as a map whether it is written as a map or a KEY=VALUE list. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object section = service.get("environment");
        if (section instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (section instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** The env_file paths of a service (short string form or long {path, required} form). */
    static List<String> envFiles(Map<String, Object> service) {
        Object section = service.get("env_file");
        if (section == null) {
            return List.of();
        }
        if (section instanceof String single) {
            return List.of(single);
        }
        return Yaml.list(section, "env_file").stream()
                .map(item -> item instanceof Map<?, ?>
                        ? Yaml.stringAt(Yaml.map(item, "env_file"), "path")
                        : String.valueOf(item))
                .toList();
    }

    /** Keys documented in deploy/.env.example: what an env_file: .env provides. */
    static List<String> envExampleKeys() {
        try {
            return Files.readAllLines(ENV_EXAMPLE).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                    .map(l -> l.substring(0, l.indexOf('=')).strip())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> healthCheckTest(Map<String, Object> service) {
        return Yaml.listAt(service, "healthcheck.test").stream()
                .map(String::valueOf)
                .toList();
    }
}
