package dev.aios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** {@code ./aios projects}: the projects the token may see, newest first. */
@Command(
        name = "projects",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "List the projects the token may see, newest first.")
final class ProjectsCommand implements Callable<Integer> {
    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Option(names = "--page", defaultValue = "0", description = "the page, from 0 (default 0)")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "projects per page, 1-100 (default 20)")
    int size;

    @Option(names = "--json", description = "print the API's JSON instead of a table")
    boolean json;

    @Override
    public Integer call() {
        JsonNode listing = connection.client(cli.env).get("/api/v1/projects?page=" + page + "&size=" + size);
        if (json) {
            cli.out.println(listing.toPrettyString());
            return 0;
        }
        var table = new Table("ID", "NAME", "STATUS", "WAITING", "SPRINT", "TASKS", "SPENT", "BUDGET");
        for (JsonNode p : listing.path("items")) {
            table.row(
                    p.path("id").asString(),
                    p.path("name").asString(),
                    p.path("status").asString(),
                    Integer.toString(p.path("awaitingApprovals").asInt()),
                    Integer.toString(p.path("currentSprint").asInt()),
                    p.at("/progress/tasksDone").asInt() + "/"
                            + p.at("/progress/tasksTotal").asInt(),
                    Money.dollars(p.at("/cost/spentMicros").asLong()),
                    Money.dollars(p.at("/cost/budgetMicros").asLong()));
        }
        table.print(cli.out);
        long total = listing.path("total").asLong();
        int shown = listing.path("items").size();
        cli.out.println(
                shown == 0 && total == 0
                        ? "no projects yet: submit one with ./aios submit BRIEF"
                        : "showing " + shown + " of " + total
                                + (total > (long) (page + 1) * size ? " (--page " + (page + 1) + " for more)" : ""));
        return 0;
    }
}
