package dev.aios.standalone;

import dev.aios.standalone.scenario.Scenario;
import dev.aios.standalone.scenario.ScenarioModelServer;
import dev.aios.standalone.scenario.Scenarios;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Re-records the bundled scenarios ({@code ./aios record-scenarios [NAME...]}): each runs live with {@code --record}
 * against the {@link ScenarioModelServer}, a scripted stand-in for a model, and its cassette replaces
 * {@code standalone/src/main/resources/scenarios/<name>/cassette.json}. Every recording says what answered it.
 */
public final class ScenarioRecorder {
    static final String LABEL =
            "recorded against the AIOS scenario server, a scripted stand-in for a model (not a model)";

    private ScenarioRecorder() {}

    public static void main(String[] args) throws Exception {
        Path resources = Path.of("standalone/src/main/resources/scenarios");
        if (!Files.isDirectory(resources)) {
            System.err.println("record-scenarios: run from the repository root (no " + resources + ")");
            System.exit(2);
        }
        List<String> names = new ArrayList<>(List.of(args));
        List<Scenario> all = Scenarios.bundled().all();
        for (String name : names) {
            if (all.stream().noneMatch(s -> s.name().equals(name))) {
                System.err.println("record-scenarios: no scenario is called '" + name + "': "
                        + all.stream().map(Scenario::name).toList());
                System.exit(2);
            }
        }
        int failed = 0;
        for (Scenario scenario : all) {
            if (!names.isEmpty() && !names.contains(scenario.name())) {
                continue;
            }
            int exit = record(
                    scenario.name(),
                    resources.resolve(scenario.name()).resolve("cassette.json"),
                    Files.createTempDirectory("aios-record-"),
                    System.out);
            System.out.println(
                    "record-scenarios: " + scenario.name() + (exit == 0 ? " recorded" : " FAILED (exit " + exit + ")"));
            failed += exit == 0 ? 0 : 1;
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs one scenario live against a fresh scenario server, recording to {@code cassette}; the demo's exit status. */
    static int record(String scenario, Path cassette, Path out, PrintStream printed) throws Exception {
        Path partial = cassette.resolveSibling(cassette.getFileName() + ".recording");
        try (ScenarioModelServer server = ScenarioModelServer.start(0, line -> {})) {
            StandaloneCommand command = StandaloneCommand.parse(new String[] {
                "demo", "--scenario", scenario, "--record", partial.toString(), "--out", out.toString()
            });
            Logging.configure(command);
            int exit = AiosStandalone.run(
                    command,
                    Map.of(
                            // the run's own signing key and token, next to its output: never the user's ~/.aios
                            "AIOS_HOME",
                                    out.resolveSibling(out.getFileName() + "-aios-home")
                                            .toString(),
                            "AIOS_LOCAL_MODEL_URL", server.baseUrl().toString(),
                            "AIOS_ROUTER_RECORD_LABEL", "scenario " + scenario + ", " + LABEL),
                    printed);
            if (exit == 0) {
                Files.move(partial, cassette, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(partial);
            }
            return exit;
        }
    }
}
