package dev.aios.standalone;

import dev.aios.router.cassette.Cassette;
import dev.aios.router.cassette.CassetteLoader;
import dev.aios.router.cassette.InvalidCassetteException;
import dev.aios.router.cassette.RecordedProject;
import dev.aios.router.client.BriefDigest;
import dev.aios.standalone.demo.DemoRun;
import dev.aios.standalone.scenario.Scenario;
import dev.aios.standalone.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a launch will do, decided before anything starts: live models or a recording, which project to submit, what a
 * person does during the run, and the router settings that make it so. Anything that cannot run is refused here.
 */
record RunPlan(
        boolean live,
        Optional<Project> project,
        List<Scenario.Action> actions,
        Map<String, Object> routerSettings,
        Optional<Path> recordFile,
        String source) {

    /** The submission: what {@code POST /api/v1/projects} gets. */
    record Project(String name, String brief, long budgetMicros, Map<String, Integer> options, List<String> approvals) {
        Project withBudget(long micros) {
            return new Project(name, brief, micros, options, approvals);
        }

        DemoRun.Submission submission() {
            return new DemoRun.Submission(name, brief, budgetMicros, options, approvals);
        }
    }

    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    static final String DEFAULT_SCENARIO = "url-shortener";

    static RunPlan of(StandaloneCommand command, Map<String, String> env, Scenarios scenarios) throws Refused {
        Map<String, String> recorded = scenarios.recorded().stream()
                .collect(Collectors.toMap(
                        Scenario::name, s -> BriefDigest.of(s.brief()), (a, b) -> a, LinkedHashMap::new));
        Optional<String> refusal = Preflight.refusal(command, env, recorded);
        if (refusal.isPresent()) {
            throw new Refused(refusal.get());
        }
        ProviderMode providers = ProviderMode.detect(env);
        Map<String, Object> router = new LinkedHashMap<>();
        if (!command.demo()) {
            return up(command, env, providers, scenarios, router);
        }
        if (command.replayFile().isPresent()) {
            Cassette cassette =
                    cassette(command.replayFile().get().toAbsolutePath().toUri().toString());
            router.put(
                    "aios.router.cassettes.replay",
                    command.replayFile().get().toAbsolutePath().toUri().toString());
            Project project = command.briefFile().isPresent()
                    ? project(
                            command,
                            read(command.briefFile().get()),
                            command.projectName().orElse("project"),
                            Map.of(),
                            List.of())
                    : fromCassette(command, cassette);
            return new RunPlan(false, Optional.of(project), List.of(), router, Optional.empty(), describe(cassette));
        }
        if (command.scenario().isPresent() && command.recordFile().isPresent()) {
            Scenario scenario = scenarios
                    .named(command.scenario().get())
                    .orElseThrow(() -> new Refused(
                            "no scenario is called '" + command.scenario().get() + "'"));
            return recordScenario(command, env, providers, scenario, router);
        }
        if (command.scenario().isPresent() || (command.briefFile().isEmpty() && !providers.live())) {
            Scenario scenario = scenarios
                    .named(command.scenario().orElse(DEFAULT_SCENARIO))
                    .orElseThrow(
                            () -> new Refused("the default scenario " + DEFAULT_SCENARIO + " is not in this build"));
            return replay(command, scenario, router);
        }
        String brief = command.briefFile().isPresent()
                ? read(command.briefFile().get())
                : scenarios
                        .named(DEFAULT_SCENARIO)
                        .map(Scenario::brief)
                        .orElseThrow(() -> new Refused("no --brief given and the sample brief is not in this build"));
        if (!providers.live()) {
            // the brief is one of the recorded scenarios' (the preflight let it through for that reason)
            String digest = BriefDigest.of(brief);
            Scenario scenario = scenarios.recorded().stream()
                    .filter(s -> BriefDigest.of(s.brief()).equals(digest))
                    .findFirst()
                    .orElseThrow(() -> new Refused("nothing is recorded for this brief"));
            return replay(command, scenario, router);
        }
        Project project = project(
                command,
                brief,
                command.projectName()
                        .orElse(command.briefFile().map(RunPlan::nameOf).orElse(DEFAULT_SCENARIO)),
                Map.of(),
                List.of());
        live(env, command, router);
        return new RunPlan(
                true,
                Optional.of(project),
                List.of(),
                router,
                command.recordFile(),
                String.join(", ", providers.configured()));
    }

    /** A scenario run live against the configured models, with the scenario's own settings, and recorded. */
    private static RunPlan recordScenario(
            StandaloneCommand command,
            Map<String, String> env,
            ProviderMode providers,
            Scenario scenario,
            Map<String, Object> router) {
        Map<String, String> withScenario = new LinkedHashMap<>(env);
        withScenario.putAll(scenario.recordWith());
        live(withScenario, command, router);
        router.putIfAbsent("aios.router.cassettes.label", "scenario " + scenario.name() + ": " + scenario.title());
        Project project =
                project(command, scenario.brief(), scenario.projectName(), scenario.options(), scenario.approvals());
        if (command.budgetMicros().isEmpty()) {
            project = project.withBudget(scenario.budgetMicros());
        }
        return new RunPlan(
                true,
                Optional.of(project),
                scenario.actions(),
                router,
                command.recordFile(),
                String.join(", ", providers.configured()));
    }

    /**
     * The router reads its providers from these variables through its application.yml; they are passed as properties
     * too, so that what this launch was given (not only the process environment) decides.
     */
    private static void live(Map<String, String> env, StandaloneCommand command, Map<String, Object> router) {
        LIVE_SETTINGS.forEach((variable, property) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                router.put(property, value);
            }
        });
        command.recordFile()
                .ifPresent(file -> router.put(
                        "aios.router.cassettes.record", file.toAbsolutePath().toString()));
    }

    private static final Map<String, String> LIVE_SETTINGS = Map.of(
            "ANTHROPIC_API_KEY", "aios.router.tiers.claude.api-key",
            "OPENAI_API_KEY", "aios.router.tiers.gpt.api-key",
            "AIOS_LOCAL_MODEL_URL", "aios.router.tiers.local.base-url",
            "AIOS_LOCAL_MODEL_NAME", "aios.router.tiers.local.model",
            "AIOS_LOCAL_MODEL_PRICE_INPUT_PER_MILLION", "aios.router.tiers.local.price-input-per-million",
            "AIOS_LOCAL_MODEL_PRICE_OUTPUT_PER_MILLION", "aios.router.tiers.local.price-output-per-million",
            "AIOS_ROUTER_RECORD_LABEL", "aios.router.cassettes.label");

    private static RunPlan up(
            StandaloneCommand command,
            Map<String, String> env,
            ProviderMode providers,
            Scenarios scenarios,
            Map<String, Object> router)
            throws Refused {
        if (command.replayFile().isPresent()) {
            String location =
                    command.replayFile().get().toAbsolutePath().toUri().toString();
            router.put("aios.router.cassettes.replay", location);
            return new RunPlan(
                    false, Optional.empty(), List.of(), router, Optional.empty(), describe(cassette(location)));
        }
        if (providers.live()) {
            live(env, command, router);
            return new RunPlan(
                    true,
                    Optional.empty(),
                    List.of(),
                    router,
                    command.recordFile(),
                    String.join(", ", providers.configured()));
        }
        List<Scenario> recorded = scenarios.recorded();
        if (recorded.isEmpty()) {
            throw new Refused(
                    "no model is configured and this build holds no recorded scenario: set ANTHROPIC_API_KEY or"
                            + " OPENAI_API_KEY, or point AIOS_LOCAL_MODEL_URL at an OpenAI-compatible server");
        }
        router.put(
                "aios.router.cassettes.replay",
                recorded.stream().map(s -> s.cassette().orElseThrow()).collect(Collectors.joining(",")));
        return new RunPlan(
                false,
                Optional.empty(),
                List.of(),
                router,
                Optional.empty(),
                "the recorded scenarios "
                        + recorded.stream().map(Scenario::name).collect(Collectors.joining(", "))
                        + " (only their briefs can run; any other project fails with the reason)");
    }

    private static RunPlan replay(StandaloneCommand command, Scenario scenario, Map<String, Object> router)
            throws Refused {
        String location = scenario.cassette()
                .orElseThrow(() -> new Refused("scenario " + scenario.name() + " is not recorded yet"));
        refuseRename(command, scenario.projectName());
        Cassette cassette = cassette(location);
        router.put("aios.router.cassettes.replay", location);
        Project project =
                project(command, scenario.brief(), scenario.projectName(), scenario.options(), scenario.approvals());
        if (command.budgetMicros().isEmpty()) {
            project = project.withBudget(scenario.budgetMicros());
        }
        return new RunPlan(
                false, Optional.of(project), scenario.actions(), router, Optional.empty(), describe(cassette));
    }

    private static Project fromCassette(StandaloneCommand command, Cassette cassette) throws Refused {
        RecordedProject recorded = cassette.project()
                .orElseThrow(
                        () -> new Refused(
                                cassette.source()
                                        + " does not say which brief it was recorded for (recorded by a router, not by ./aios demo --record): give it with --brief FILE"));
        refuseRename(command, recorded.name());
        Project project = project(command, recorded.brief(), recorded.name(), recorded.options(), List.of());
        return command.budgetMicros().isPresent() ? project : project.withBudget(recorded.budgetMicros());
    }

    /** The project's name is in every recorded prompt: another name would make the replay diverge at its first call. */
    private static void refuseRename(StandaloneCommand command, String recordedName) throws Refused {
        if (command.projectName().isPresent() && !command.projectName().get().equals(recordedName)) {
            throw new Refused("the recording was made for the project name '" + recordedName
                    + "', which every recorded prompt" + " contains: a replay named '"
                    + command.projectName().get() + "' would diverge at its first call; drop --name");
        }
    }

    /** {@code my-brief.md} → {@code my-brief}: a live run of a brief file is named after the file unless --name says. */
    static String nameOf(Path brief) {
        String file = brief.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        return stem.isBlank() ? "project" : stem;
    }

    private static Project project(
            StandaloneCommand command,
            String brief,
            String defaultName,
            Map<String, Integer> options,
            List<String> approvals) {
        return new Project(
                command.projectName().orElse(defaultName),
                brief,
                command.budgetMicros().orElse(5_000_000L),
                options,
                approvals);
    }

    private static Cassette cassette(String location) throws Refused {
        try {
            return CassetteLoader.load(location).getFirst();
        } catch (InvalidCassetteException e) {
            throw new Refused(e.getMessage());
        }
    }

    private static String read(Path brief) throws Refused {
        try {
            return Briefs.decode(Files.readAllBytes(brief), brief.toString());
        } catch (IOException e) {
            throw new Refused("cannot read the brief file " + brief + ": " + e.getMessage());
        } catch (Briefs.BriefException e) {
            throw new Refused(e.getMessage());
        }
    }

    /** {@code <label> (<day>, <what answered>)}: the label says what the recording is, the rest when and by whom. */
    private static String describe(Cassette cassette) {
        List<String> about = new ArrayList<>();
        if (!cassette.recordedAt().isBlank()) {
            about.add(cassette.recordedAt()
                    .substring(0, Math.min(10, cassette.recordedAt().length())));
        }
        if (!cassette.recordedWith().isBlank()) {
            about.add(cassette.recordedWith());
        }
        return (cassette.label().isBlank() ? "the recording " + cassette.source() : cassette.label())
                + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
    }

    /** The mode line printed first ("below") and last ("above"). */
    String banner(String where) {
        if (live) {
            return "MODE: LIVE MODELS - " + source
                    + " set: the router calls real providers (tiers without a key are skipped)"
                    + recordFile
                            .map(f -> "; every exchange is recorded to " + f.toAbsolutePath())
                            .orElse("") + ".";
        }
        return "MODE: RECORDED - no model is called: every model answer " + where + " is replayed from " + source + ".";
    }
}
