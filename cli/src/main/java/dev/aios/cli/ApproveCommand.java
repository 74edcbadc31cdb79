package dev.aios.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./aios approve ID [ITEM]}: approves what waits for a person (ADR 0014); without ITEM, the one item that waits,
 * or a usage error listing them when several do.
 */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Approve what waits for a person: the backlog, a sprint's plan or a risky change.")
final class ApproveCommand implements Callable<Integer> {
    @ParentCommand
    AiosCli cli;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Connection connection = new Connection();

    @Parameters(index = "0", paramLabel = "ID", converter = ProjectId.class, description = "the project")
    UUID id;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "ITEM",
            converter = ApprovalItem.class,
            description = "the waiting item (default: the only one that waits)")
    @Nullable
    String item;

    @Override
    public Integer call() {
        ApiClient api = connection.client(cli.env);
        String chosen = item != null ? item : onlyWaiting(api);
        JsonNode decided = api.post("/api/v1/projects/" + id + "/approvals/" + chosen + "/grant", null);
        cli.out.println(
                "approved " + chosen + " of " + id + " (" + decided.path("kind").asString() + ")");
        return 0;
    }

    private String onlyWaiting(ApiClient api) {
        List<String> waiting = waiting(api.get("/api/v1/projects/" + id + "/approvals"));
        if (waiting.isEmpty()) {
            throw new CliFailure("nothing of project " + id + " waits for approval");
        }
        if (waiting.size() > 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    waiting.size() + " items wait: " + String.join(", ", waiting) + "; name one: ./aios approve " + id
                            + " ITEM");
        }
        return waiting.getFirst();
    }

    static List<String> waiting(JsonNode approvals) {
        var items = new ArrayList<String>();
        for (JsonNode a : approvals) {
            if (a.path("status").asString().equals("WAITING")) {
                items.add(TerminalBoard.clean(a.path("item").asString()));
            }
        }
        return items;
    }
}
