package dev.aios.standalone;

import dev.aios.standalone.infra.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The launcher's command line: {@code demo [options]} or {@code up [options]}. Only the JDK is used here: the
 * {@code ./aios} script runs {@link Preflight} (and so this parser) from source before it builds anything.
 */
public record StandaloneCommand(
        String name,
        Optional<Path> briefFile,
        Optional<String> projectName,
        Optional<Long> budgetMicros,
        Path outputDirectory,
        int apiPort,
        int routerPort,
        String bindAddress,
        Duration deadline,
        Optional<String> scenario,
        Optional<Path> replayFile,
        Optional<Path> recordFile,
        boolean listScenarios) {

    public static final String USAGE =
            "usage: demo [--scenario NAME | --brief FILE | --replay FILE] [--record FILE] [--name NAME]"
                    + " [--budget-usd N] [--out DIR] [--port N] [--bind ADDRESS] [--minutes N] | demo --list-scenarios"
                    + " | up [--port N] [--router-port N] [--bind ADDRESS] [--replay FILE | --record FILE]";

    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message + " (" + USAGE + ")");
        }
    }

    public boolean demo() {
        return name.equals("demo");
    }

    public static StandaloneCommand parse(String[] args) throws UsageException {
        if (args.length == 0 || !(args[0].equals("demo") || args[0].equals("up"))) {
            throw new UsageException(args.length == 0 ? "no command" : "unknown command '" + args[0] + "'");
        }
        String name = args[0];
        boolean demo = name.equals("demo");
        Path brief = null;
        String projectName = null;
        Long budgetMicros = null;
        Path out = Path.of("aios-demo-output");
        int apiPort = demo ? 0 : 8080;
        int routerPort = demo ? 0 : 8081;
        String bind = "127.0.0.1";
        long minutes = 10;
        String scenario = null;
        Path replay = null;
        Path record = null;
        boolean list = false;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--list-scenarios")) {
                list = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--brief" -> brief = readable(option, value);
                case "--name" -> projectName = value;
                case "--budget-usd" -> budgetMicros = Math.round(positive(option, value) * 1_000_000);
                case "--out" -> out = Path.of(value);
                case "--port" -> apiPort = port(option, value);
                case "--router-port" -> routerPort = port(option, value);
                case "--bind" -> bind = address(value);
                case "--minutes" -> minutes = Math.round(positive(option, value));
                case "--scenario" -> scenario = value;
                case "--replay" -> replay = readable(option, value);
                case "--record" -> record = Path.of(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (list && !demo) {
            throw new UsageException("--list-scenarios belongs to demo");
        }
        if (!demo && (brief != null || scenario != null || projectName != null || budgetMicros != null)) {
            throw new UsageException("up takes no brief: submit projects to its API");
        }
        if (scenario != null && (brief != null || replay != null)) {
            throw new UsageException(
                    "--scenario replays the scenario's own brief and recording: drop --brief and --replay");
        }
        if (record != null && replay != null) {
            throw new UsageException("--record needs live models: it cannot be combined with --replay");
        }
        if (demo && apiPort == 0) {
            apiPort = FreePorts.any();
        }
        return new StandaloneCommand(
                name,
                Optional.ofNullable(brief),
                Optional.ofNullable(projectName),
                Optional.ofNullable(budgetMicros),
                out,
                apiPort,
                routerPort,
                bind,
                Duration.ofMinutes(Math.max(1, minutes)),
                Optional.ofNullable(scenario),
                Optional.ofNullable(replay),
                Optional.ofNullable(record),
                list);
    }

    private static Path readable(String option, String value) throws UsageException {
        Path file = Path.of(value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(
                    "cannot read the " + (option.equals("--brief") ? "brief" : "cassette") + " file " + value);
        }
        return file;
    }

    private static double positive(String option, String value) throws UsageException {
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && v < 1_000_000) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new UsageException(option + " must be a positive number, got '" + value + "'");
    }

    private static int port(String option, String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new UsageException(option + " must be a port number, got '" + value + "'");
    }

    /** A literal IPv4 or IPv6 address: a host name would resolve differently over time, and silently. */
    private static String address(String value) throws UsageException {
        if (value.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (value.contains(":") && value.matches("[0-9a-fA-F:.]+"))) {
            return value;
        }
        throw new UsageException("--bind must be an IP address such as 127.0.0.1 or 0.0.0.0, got '" + value + "'");
    }
}
