package dev.aios.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's application.yml says about how it is deployed: its port (and the env var that may set it),
 * the environment variables it references through ${VAR} / ${VAR:default} placeholders, and its actuator setup.
 * Profile-specific documents (spring.config.activate.on-profile) are ignored: deployments run the default profile.
 */
record SpringConfig(
        String portExpression, Map<String, Optional<String>> environmentPlaceholders, Map<String, Object> properties) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final int SPRING_DEFAULT_PORT = 8080;

    static SpringConfig read(Path applicationYml) {
        String text;
        try {
            text = Files.readString(applicationYml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        Map<String, Optional<String>> placeholders = new LinkedHashMap<>();
        for (Map<String, Object> document : Yaml.loadAll(text)) {
            if (Yaml.at(document, "spring.config.activate.on-profile") != null) {
                continue;
            }
            merged.putAll(document);
            Matcher m = PLACEHOLDER.matcher(new org.yaml.snakeyaml.Yaml().dump(document));
            while (m.find()) {
                placeholders.merge(m.group(1), Optional.ofNullable(m.group(2)), (a, b) -> a.isPresent() ? a : b);
            }
        }
        Object port = Yaml.at(merged, "server.port");
        return new SpringConfig(
                port == null ? String.valueOf(SPRING_DEFAULT_PORT) : String.valueOf(port), placeholders, merged);
    }

    /**
     * Whether setting this environment variable changes the service's configuration: application.yml has a ${NAME}
     * placeholder for it, or a property whose environment form it is (aios.knowledge.store: AIOS_KNOWLEDGE_STORE).
     */
    boolean reads(String variable) {
        return environmentPlaceholders.containsKey(variable)
                || propertyNames(properties, "").stream()
                        .anyMatch(property -> property.toUpperCase(Locale.ROOT)
                                .replaceAll("[.\\-]", "_")
                                .equals(variable));
    }

    private static List<String> propertyNames(Map<String, Object> properties, String prefix) {
        List<String> names = new ArrayList<>();
        properties.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?>) {
                names.addAll(propertyNames(Yaml.map(value, name), name + "."));
            } else {
                names.add(name);
            }
        });
        return names;
    }

    /** Environment variables the service cannot start without: placeholders with no default. */
    List<String> requiredEnvironment() {
        return environmentPlaceholders.entrySet().stream()
                .filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The port the service listens on given a deployment's environment: SERVER_PORT wins (Spring's relaxed
     * binding outranks application.yml), then the placeholder's variable, then its default.
     */
    int port(Map<String, String> environment) {
        if (environment.containsKey("SERVER_PORT")) {
            return Integer.parseInt(environment.get("SERVER_PORT"));
        }
        Matcher m = PLACEHOLDER.matcher(portExpression);
        if (m.matches()) {
            String value = environment.getOrDefault(m.group(1), m.group(2));
            if (value == null) {
                throw new IllegalStateException(
                        "server.port " + portExpression + " has no default and " + m.group(1) + " is not set");
            }
            return Integer.parseInt(value.trim());
        }
        return Integer.parseInt(portExpression.trim());
    }

    /** The management port, when one is configured separately from server.port (null otherwise). */
    String managementPort(Map<String, String> environment) {
        if (environment.containsKey("MANAGEMENT_SERVER_PORT")) {
            return environment.get("MANAGEMENT_SERVER_PORT");
        }
        return Yaml.stringAt(properties, "management.server.port");
    }

    String actuatorBasePath(Map<String, String> environment) {
        return Optional.ofNullable(environment.get("MANAGEMENT_ENDPOINTS_WEB_BASE_PATH"))
                .or(() -> Optional.ofNullable(Yaml.stringAt(properties, "management.endpoints.web.base-path")))
                .orElse("/actuator");
    }

    List<String> exposedEndpoints(Map<String, String> environment) {
        Object include = environment.containsKey("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE")
                ? environment.get("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE")
                : Yaml.at(properties, "management.endpoints.web.exposure.include");
        if (include == null) {
            return List.of("health"); // Spring Boot's default exposure over HTTP
        }
        if (include instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return Arrays.stream(String.valueOf(include).split(","))
                .map(String::trim)
                .toList();
    }

    /** The members application.yml puts in the readiness group ({@code management.endpoint.health.group.readiness.include}). */
    List<String> readinessMembers() {
        Object include = Yaml.at(properties, "management.endpoint.health.group.readiness.include");
        if (include == null) {
            return List.of();
        }
        if (include instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).toList();
        }
        return Arrays.stream(String.valueOf(include).split(","))
                .map(String::trim)
                .toList();
    }

    /** Spring Boot enables the liveness and readiness groups by itself only on Kubernetes; compose needs them on. */
    boolean probesEnabled(Map<String, String> environment) {
        String value = environment.containsKey("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")
                ? environment.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")
                : Yaml.stringAt(properties, "management.endpoint.health.probes.enabled");
        return "true".equalsIgnoreCase(value);
    }
}
