package dev.aios.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./aios projects|submit|watch|approve|reject|stop|budget|download|dlq}: a client of a running orchestrator (the platform of
 * {@code ./aios up}, or a deployment with {@code --url}). Exit status 0 when the operation did what it says, 1 when it
 * failed (the server refused, could not be reached, or the watched project did not deliver), 2 on bad usage; an error
 * is one line on standard error.
 */
@Command(
        name = "aios",
        synopsisSubcommandLabel = "COMMAND",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "A client of a running AIOS orchestrator.",
        subcommands = {
            ProjectsCommand.class,
            SubmitCommand.class,
            WatchCommand.class,
            ApproveCommand.class,
            RejectCommand.class,
            StopCommand.class,
            BudgetCommand.class,
            DownloadCommand.class,
            DlqCommand.class,
            RevokeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class AiosCli implements Runnable {
    static final int FAILED = 1;
    static final int USAGE = 2;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;

    AiosCli(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed");
    }

    /** The version of the jar this client was built into. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AiosCli.class.getPackage().getImplementationVersion();
            return new String[] {"aios client " + (version == null ? "(development build)" : version)};
        }
    }

    public static void main(String[] args) {
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err, System.getenv()));
    }

    /** Runs one command line as {@code ./aios} would and returns its exit status (for tests and embedding). */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        var cli = new CommandLine(new AiosCli(in, out, err, env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandName();
            err.println("aios: " + firstLine(e.getMessage()) + " (see ./aios "
                    + (command.equals("aios") ? "help" : command + " --help") + ")");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof CliFailure failure) {
                err.println("aios: " + failure.getMessage());
                return FAILED;
            }
            throw e;
        });
        return cli.execute(args);
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }
}
