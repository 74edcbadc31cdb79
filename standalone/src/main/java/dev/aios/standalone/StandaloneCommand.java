package dev.aios.standalone;

import java.nio.file.Files;
import java.nio.file.Path;

/** The launcher's command line: {@code demo [options]} or {@code up [options]}. */
record StandaloneCommand(
        String name,
        Path briefFile,
        String projectName,
        long budgetMicros,
        Path outputDirectory,
        int apiPort,
        int routerPort,
        java.time.Duration deadline) {

    static final String USAGE = "usage: demo [--brief FILE] [--name NAME] [--budget-usd N] [--out DIR] [--port N] [--minutes N]"
            + " | up [--port N] [--router-port N]";

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message + " (" + USAGE + ")");
        }
    }

    static StandaloneCommand parse(String[] args) throws UsageException {
        if (args.length == 0 || !(args[0].equals("demo") || args[0].equals("up"))) {
            throw new UsageException(args.length == 0 ? "no command" : "unknown command '" + args[0] + "'");
        }
        String name = args[0];
        boolean demo = name.equals("demo");
        Path brief = null;
        String projectName = "url-shortener";
        long budgetMicros = 5_000_000;
        Path out = Path.of("aios-demo-output");
        int apiPort = demo ? 0 : 8080;
        int routerPort = demo ? 0 : 8081;
        long minutes = 10;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--brief" -> {
                    brief = Path.of(value);
                    if (!Files.isReadable(brief)) {
                        throw new UsageException("cannot read the brief file " + value);
                    }
                }
                case "--name" -> projectName = value;
                case "--budget-usd" -> budgetMicros = Math.round(positive(option, value) * 1_000_000);
                case "--out" -> out = Path.of(value);
                case "--port" -> apiPort = port(option, value);
                case "--router-port" -> routerPort = port(option, value);
                case "--minutes" -> minutes = Math.round(positive(option, value));
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (demo && apiPort == 0) {
            apiPort = dev.aios.standalone.infra.FreePorts.any();
        }
        return new StandaloneCommand(
                name, brief, projectName, budgetMicros, out, apiPort, routerPort, java.time.Duration.ofMinutes(Math.max(1, minutes)));
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
}
