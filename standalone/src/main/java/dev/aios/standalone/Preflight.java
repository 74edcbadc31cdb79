package dev.aios.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What can be refused before the platform starts, and is: bad usage, a bad brief, and a run no model and no recording
 * can answer. JDK only, so {@code ./aios} runs it from source ({@code java .../Preflight.java --scenarios DIR demo ...})
 * before it builds anything; the launcher runs the same checks again before it boots.
 */
public final class Preflight {
    private Preflight() {}

    /** Exit 0 and print nothing when the run may start; exit 2 with one readable paragraph when it may not. */
    public static void main(String[] args) {
        Path scenarios = Path.of("standalone/src/main/resources/scenarios");
        int first = 0;
        if (args.length >= 2 && args[0].equals("--scenarios")) {
            scenarios = Path.of(args[1]);
            first = 2;
        }
        String[] command = Arrays.copyOfRange(args, first, args.length);
        Optional<String> refusal;
        try {
            refusal = refusal(StandaloneCommand.parse(command), System.getenv(), recordedBriefs(scenarios));
        } catch (StandaloneCommand.UsageException e) {
            refusal = Optional.of(e.getMessage());
        }
        if (refusal.isPresent()) {
            System.err.println("aios: " + refusal.get());
            System.exit(2);
        }
    }

    /**
     * Why this run cannot start, if it cannot. {@code recorded}: each replayable scenario's name and the digest of the
     * brief its recording was made for.
     */
    static Optional<String> refusal(StandaloneCommand command, Map<String, String> env, Map<String, String> recorded) {
        if (!command.demo() || command.listScenarios()) {
            return command.recordFile().isPresent() && !ProviderMode.detect(env).live()
                    ? Optional.of(nothingToRecord())
                    : Optional.empty();
        }
        Optional<String> digest = Optional.empty();
        if (command.briefFile().isPresent()) {
            Path file = command.briefFile().get();
            try {
                String brief = Briefs.decode(Files.readAllBytes(file), file.toString());
                Optional<String> problem = Briefs.problem(brief);
                if (problem.isPresent()) {
                    return Optional.of(problem.get() + " (" + file + ")");
                }
                digest = Optional.of(Briefs.digest(brief));
            } catch (IOException e) {
                return Optional.of("cannot read the brief file " + file + ": " + e.getMessage());
            } catch (Briefs.BriefException e) {
                return Optional.of(e.getMessage());
            }
        }
        boolean live = ProviderMode.detect(env).live();
        if (command.recordFile().isPresent() && !live) {
            return Optional.of(nothingToRecord());
        }
        if (command.scenario().isPresent()
                && command.recordFile().isEmpty()
                && !recorded.containsKey(command.scenario().get())) {
            return Optional.of(
                    "no recorded scenario is called '" + command.scenario().get() + "': the scenarios are "
                            + String.join(", ", recorded.keySet()) + " (./aios demo --list-scenarios describes them)");
        }
        if (live || command.replayFile().isPresent() || digest.isEmpty() || recorded.containsValue(digest.get())) {
            return Optional.empty();
        }
        return Optional.of("no model is configured, and nothing is recorded for this brief ("
                + digest.get().substring(0, 19)
                + "…). Recordings exist only for the scenarios " + String.join(", ", recorded.keySet())
                + " (./aios demo --scenario NAME; --list-scenarios describes them). To run your own brief, do one of: set"
                + " ANTHROPIC_API_KEY or OPENAI_API_KEY; point AIOS_LOCAL_MODEL_URL at any OpenAI-compatible server (Ollama,"
                + " vLLM, llama.cpp server); or --replay a recording of this brief made with --record.");
    }

    private static String nothingToRecord() {
        return "--record needs a live model to record, and none is configured: set ANTHROPIC_API_KEY or OPENAI_API_KEY, or"
                + " point AIOS_LOCAL_MODEL_URL at an OpenAI-compatible server (Ollama, vLLM, llama.cpp server)";
    }

    /** Scenario directories holding a brief and its recording, by name, with the brief's digest. */
    static Map<String, String> recordedBriefs(Path scenarios) {
        Map<String, String> recorded = new TreeMap<>();
        if (!Files.isDirectory(scenarios)) {
            return recorded;
        }
        try (Stream<Path> dirs = Files.list(scenarios)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path brief = dir.resolve("brief.md");
                if (Files.isRegularFile(brief) && Files.isRegularFile(dir.resolve("cassette.json"))) {
                    recorded.put(dir.getFileName().toString(), Briefs.digest(Files.readString(brief)));
                }
            }
        } catch (IOException e) {
            // a broken checkout: no scenario counts as recorded, and the refusal says what exists
        }
        return recorded;
    }
}
