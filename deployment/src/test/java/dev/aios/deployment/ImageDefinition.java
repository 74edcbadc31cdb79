package dev.aios.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker/Dockerfile read statically (no Docker engine here): its instructions per stage, with line
 * continuations joined and comments dropped.
 */
record ImageDefinition(List<Stage> stages) {

    static final Path FILE = RepositoryRoot.resolve("docker/Dockerfile");

    record Instruction(String keyword, String arguments) {}

    record Stage(String from, List<Instruction> instructions) {

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        Optional<String> last(String keyword) {
            List<String> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getLast());
        }

        /** ARG name → default (empty when it has none). */
        Map<String, String> args() {
            Map<String, String> args = new LinkedHashMap<>();
            for (String arg : all("ARG")) {
                int eq = arg.indexOf('=');
                args.put(eq < 0 ? arg.trim() : arg.substring(0, eq).trim(), eq < 0 ? "" : arg.substring(eq + 1).trim());
            }
            return args;
        }
    }

    static ImageDefinition read() {
        try {
            return parse(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageDefinition parse(String text) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder line = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String trimmed = raw.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && line.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                line.append(trimmed.substring(0, trimmed.length() - 1).strip()).append(' ');
                continue;
            }
            line.append(trimmed);
            String joined = line.toString().strip();
            line.setLength(0);
            if (joined.isEmpty()) {
                continue;
            }
            int space = joined.indexOf(' ');
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase();
            String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                current = new ArrayList<>();
                stages.add(new Stage(arguments, current));
            } else if (current != null) {
                current.add(new Instruction(keyword, arguments));
            }
        }
        return new ImageDefinition(stages.stream().map(s -> new Stage(s.from(), List.copyOf(s.instructions()))).toList());
    }

    Stage runtime() {
        return stages.getLast();
    }

    /** The jar path the image copies for a module, e.g. orchestrator/target/orchestrator.jar. */
    String jarPathFor(String module) {
        Pattern jarCopy = Pattern.compile("^(?:--\\S+\\s+)*(\\S+\\.jar)\\s+\\S+$");
        for (Stage stage : stages) {
            for (String copy : stage.all("COPY")) {
                Matcher m = jarCopy.matcher(copy);
                if (m.matches()) {
                    return m.group(1).replace("${MODULE}", module).replace("$MODULE", module);
                }
            }
        }
        throw new AssertionError("docker/Dockerfile copies no jar");
    }

    /** The uid of the runtime stage's USER, e.g. 10001 for "USER 10001:10001". */
    String runtimeUid() {
        String user = runtime().last("USER").orElseThrow(() -> new AssertionError("docker/Dockerfile has no USER"));
        return user.split(":")[0].strip();
    }

    /** The HTTP path the image's HEALTHCHECK probes. */
    String healthCheckPath() {
        String healthCheck = runtime().last("HEALTHCHECK").orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
        Matcher m = Pattern.compile("(/actuator\\S*?|/[a-z]\\S*?/health\\S*?)[\"\\s\\]]").matcher(healthCheck + " ");
        if (!m.find()) {
            throw new AssertionError("HEALTHCHECK names no HTTP path: " + healthCheck);
        }
        return m.group(1);
    }
}
