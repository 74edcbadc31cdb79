package dev.aios.standalone.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scenarios under {@code scenarios/<name>/} on the class path: {@code scenario.json}, {@code brief.md}, {@code cassette.json}. */
public final class Scenarios {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "scenarios/";

    private final List<Scenario> all;

    private Scenarios(List<Scenario> all) {
        this.all = List.copyOf(all);
    }

    public static Scenarios bundled() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Scenario> found = new ArrayList<>();
        try {
            for (Resource definition : resolver.getResources("classpath*:" + ROOT + "*/scenario.json")) {
                found.add(read(
                        definition, definition.createRelative("brief.md"), definition.createRelative("cassette.json")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled scenarios", e);
        }
        found.sort(Comparator.comparing(Scenario::name));
        return new Scenarios(found);
    }

    public List<Scenario> all() {
        return all;
    }

    public Optional<Scenario> named(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Scenarios whose recording can be replayed. */
    public List<Scenario> recorded() {
        return all.stream().filter(s -> s.cassette().isPresent()).toList();
    }

    static Scenario read(Resource definition, Resource brief, Resource cassette) throws IOException {
        String source = definition.getDescription();
        JsonNode root;
        try {
            root = JSON.readTree(definition.getContentAsString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalStateException("scenario " + source + " is not JSON: " + e.getMessage(), e);
        }
        for (String field : List.of("name", "title", "shows", "projectName")) {
            if (!root.path(field).isString()) {
                throw new IllegalStateException("scenario " + source + " has no string \"" + field + "\"");
            }
        }
        if (!brief.isReadable()) {
            throw new IllegalStateException("scenario " + root.path("name").asString() + " has no brief.md");
        }
        Map<String, Integer> options = new LinkedHashMap<>();
        root.path("options")
                .properties()
                .forEach(e -> options.put(e.getKey(), e.getValue().asInt()));
        List<String> approvals = new ArrayList<>();
        root.path("approvals").forEach(kind -> approvals.add(kind.asString()));
        List<Scenario.Action> actions = new ArrayList<>();
        for (JsonNode action : root.path("actions")) {
            actions.add(action(root.path("name").asString(), action));
        }
        JsonNode expect = root.path("expect");
        Map<String, String> recordWith = new LinkedHashMap<>();
        root.path("recordWith")
                .properties()
                .forEach(e -> recordWith.put(e.getKey(), e.getValue().asString()));
        return new Scenario(
                root.path("name").asString(),
                root.path("title").asString(),
                root.path("shows").asString(),
                root.path("projectName").asString(),
                brief.getContentAsString(StandardCharsets.UTF_8),
                usd(root.path("budgetUsd").asDouble(5)),
                options,
                approvals,
                actions,
                new Scenario.Expectation(
                        expect.path("finalEvent").asString("ProjectDelivered"),
                        expect.path("sprints").asInt(0),
                        expect.path("backlogRejections").asInt(0),
                        expect.path("pauses").asInt(0),
                        expect.path("failedReviews").asInt(0),
                        expect.path("rejectedChanges").asInt(0)),
                recordWith,
                cassette.isReadable() ? Optional.of(cassette.getURI().toString()) : Optional.empty());
    }

    /** One of: {@code raiseBudgetUsd}, {@code "grant": true}, {@code "reject": "feedback"}; anything else is refused. */
    private static Scenario.Action action(String scenario, JsonNode action) {
        String onEvent = action.path("onEvent").asString("");
        boolean raise = action.has("raiseBudgetUsd");
        boolean grant = action.path("grant").asBoolean(false);
        boolean reject = action.path("reject").isString()
                && !action.path("reject").asString().isBlank();
        if (onEvent.isEmpty() || (raise ? 1 : 0) + (grant ? 1 : 0) + (reject ? 1 : 0) != 1) {
            throw new IllegalStateException("scenario " + scenario + " has an action that does not name its event and"
                    + " exactly one of raiseBudgetUsd, \"grant\": true or \"reject\": \"feedback\": " + action);
        }
        if (raise) {
            return Scenario.Action.raiseBudget(
                    onEvent, usd(action.path("raiseBudgetUsd").asDouble()));
        }
        return Scenario.Action.decide(
                onEvent,
                grant
                        ? Scenario.Decision.granted()
                        : Scenario.Decision.rejected(action.path("reject").asString()));
    }

    private static long usd(double dollars) {
        return Math.round(dollars * 1_000_000);
    }
}
