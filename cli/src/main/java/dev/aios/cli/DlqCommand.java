package dev.aios.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./aios dlq}: the dead-letter queues and their depth; {@code --show QUEUE} the first letters of one, with the
 * reason each was dead-lettered; {@code --redrive QUEUE} moves them back to their work queue (operators and admins).
 */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Dead-letter queues: list them, --show QUEUE's letters, or --redrive QUEUE.")
final class DlqCommand implements Callable<Integer> {
    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Spec
    CommandSpec spec;

    @Option(names = "--show", paramLabel = "QUEUE", description = "list the first letters of QUEUE, left in place")
    @Nullable
    String show;

    @Option(names = "--redrive", paramLabel = "QUEUE", description = "move QUEUE's letters back to its work queue")
    @Nullable
    String redrive;

    @Option(names = "--max", defaultValue = "20", description = "at most this many letters (1-10000, default 20)")
    int max;

    @Override
    public Integer call() {
        if (show != null && redrive != null) {
            throw new ParameterException(spec.commandLine(), "--show and --redrive cannot be combined");
        }
        ApiClient api = connection.client(cli.env);
        if (redrive != null) {
            JsonNode moved = api.post("/api/v1/dlq/" + queue(redrive) + "/redrive?max=" + max, null);
            cli.out.println("redriven " + moved.path("redriven").asInt() + " letter(s) from " + redrive);
        } else if (show != null) {
            var table = new Table("EVENT", "TYPE", "REASON", "FROM", "ATTEMPTS", "PROJECT");
            for (JsonNode letter : api.get("/api/v1/dlq/" + queue(show) + "?max=" + max)) {
                table.row(
                        letter.path("eventId").asString(),
                        letter.path("type").asString(),
                        letter.path("reason").asString(),
                        letter.path("originalQueue").asString(),
                        Integer.toString(letter.path("attempts").asInt()),
                        letter.path("correlationId").asString());
            }
            table.print(cli.out);
        } else {
            var table = new Table("QUEUE", "WORK QUEUE", "LETTERS");
            for (JsonNode queue : api.get("/api/v1/dlq")) {
                table.row(
                        queue.path("name").asString(),
                        queue.path("workQueue").asString(),
                        Long.toString(queue.path("depth").asLong()));
            }
            table.print(cli.out);
        }
        return 0;
    }

    private static String queue(String name) {
        if (!name.matches("[A-Za-z0-9._:-]+")) {
            throw new CliFailure("'" + name + "' is not a queue name (./aios dlq lists them)");
        }
        return name;
    }
}
