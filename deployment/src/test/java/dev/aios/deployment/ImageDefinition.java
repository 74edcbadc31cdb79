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

        /** The name given by "FROM image AS name", or the stage's image when it has none. */
        String name() {
            Matcher m = Pattern.compile("^\\S+\\s+AS\\s+(\\S+)$", Pattern.CASE_INSENSITIVE)
                    .matcher(from);
            return m.matches() ? m.group(1) : from;
        }

        List<String> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
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
                args.put(
                        eq < 0 ? arg.trim() : arg.substring(0, eq).trim(),
                        eq < 0 ? "" : arg.substring(eq + 1).trim());
            }
            return args;
        }

        /**
         * The values the ARGs declared before instruction {@code index} have in a build with these build args: the
         * build arg when given, else the ARG's default (quotes removed), else empty, as Docker substitutes them.
         */
        Map<String, String> argValues(int index, Map<String, String> buildArgs) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Instruction instruction : instructions.subList(0, index)) {
                if (instruction.keyword().equals("ARG")) {
                    String arg = instruction.arguments();
                    int eq = arg.indexOf('=');
                    String name = (eq < 0 ? arg : arg.substring(0, eq)).trim();
                    String fallback = eq < 0
                            ? ""
                            : unquote(substitute(arg.substring(eq + 1).trim(), values));
                    values.put(name, buildArgs.getOrDefault(name, fallback));
                }
            }
            return values;
        }
    }

    private static final Pattern VARIABLE =
            Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:[-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

    /** Docker's variable substitution in an instruction: $NAME, ${NAME}, ${NAME:-default} and ${NAME:+alternative}. */
    static String substitute(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String value = values.getOrDefault(name, "");
            if (":-".equals(m.group(2))) {
                value = value.isEmpty() ? m.group(3) : value;
            } else if (":+".equals(m.group(2))) {
                value = value.isEmpty() ? "" : m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** A COPY instruction's parts: its --flags, its sources and its destination (shell or JSON form). */
    record Copy(Map<String, String> flags, List<String> sources, String destination) {

        Copy {
            flags = Map.copyOf(flags);
            sources = List.copyOf(sources);
        }

        static Copy parse(String arguments) {
            Map<String, String> flags = new LinkedHashMap<>();
            String rest = arguments.strip();
            while (rest.startsWith("--")) {
                int end = rest.indexOf(' ') < 0 ? rest.length() : rest.indexOf(' ');
                String flag = rest.substring(2, end);
                int eq = flag.indexOf('=');
                flags.put(eq < 0 ? flag : flag.substring(0, eq), eq < 0 ? "" : flag.substring(eq + 1));
                rest = rest.substring(end).strip();
            }
            List<String> paths =
                    rest.startsWith("[") ? Yaml.strings(rest, "COPY " + arguments) : List.of(rest.split("\\s+"));
            if (paths.size() < 2) {
                throw new AssertionError("COPY needs a source and a destination: COPY " + arguments);
            }
            return new Copy(flags, paths.subList(0, paths.size() - 1), paths.getLast());
        }

        /** The stage it copies from, or empty when it copies from the build context. */
        Optional<String> from() {
            return Optional.ofNullable(flags.get("from"));
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
        return new ImageDefinition(stages.stream()
                .map(s -> new Stage(s.from(), List.copyOf(s.instructions())))
                .toList());
    }

    Stage runtime() {
        return stages.getLast();
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("docker/Dockerfile has no stage " + name + "; its stages: "
                        + stages.stream().map(Stage::name).toList()));
    }

    /**
     * What a build with these build args copies from the build context into the stage that unpacks the jar (the
     * stage the runtime stage copies from), with every ARG substituted, e.g. orchestrator/target/orchestrator-exec.jar.
     */
    List<String> contextSourcesOfExtractStage(Map<String, String> buildArgs) {
        String extract = runtime().all("COPY").stream()
                .map(Copy::parse)
                .flatMap(c -> c.from().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("the runtime stage copies from no other stage"));
        Stage stage = stage(extract);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < stage.instructions().size(); i++) {
            Instruction instruction = stage.instructions().get(i);
            if (instruction.keyword().equals("COPY")) {
                Copy copy = Copy.parse(substitute(instruction.arguments(), stage.argValues(i, buildArgs)));
                if (copy.from().isEmpty()) {
                    sources.addAll(copy.sources());
                }
            }
        }
        return sources;
    }

    /** The uid of the runtime stage's USER, e.g. 10001 for "USER 10001:10001". */
    String runtimeUid() {
        String user = runtime().last("USER").orElseThrow(() -> new AssertionError("docker/Dockerfile has no USER"));
        return user.split(":")[0].strip();
    }

    /** The HTTP path the image's HEALTHCHECK probes. */
    String healthCheckPath() {
        String healthCheck = runtime().last("HEALTHCHECK").orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
        Matcher m = Pattern.compile("(/actuator\\S*?|/[a-z]\\S*?/health\\S*?)[\"\\s\\]]")
                .matcher(healthCheck + " ");
        if (!m.find()) {
            throw new AssertionError("HEALTHCHECK names no HTTP path: " + healthCheck);
        }
        return m.group(1);
    }

    /** Whether docker/healthcheck.sh probes MANAGEMENT_SERVER_PORT when a service sets one (actuator then answers only there). */
    boolean healthCheckFollowsManagementPort() {
        try {
            return java.nio.file.Files.readString(RepositoryRoot.resolve("docker/healthcheck.sh"))
                    .contains("${MANAGEMENT_SERVER_PORT:-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
