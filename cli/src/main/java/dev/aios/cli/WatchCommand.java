package dev.aios.cli;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./aios watch ID}: follows a project live over its event stream until it ends. In a terminal the board is
 * redrawn in place; otherwise (or with {@code --plain}) each event is one line. Exit status 0 when the project is
 * delivered, 1 when it ends stopped or failed.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Follow a project live until it ends (exit 0 delivered, 1 stopped or failed).")
final class WatchCommand implements Callable<Integer> {
    private static final Set<String> FINAL = Set.of("DELIVERED", "STOPPED", "FAILED");
    private static final long REDRAW_NANOS = 250_000_000L;

    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Parameters(index = "0", paramLabel = "ID", converter = ProjectId.class, description = "the project")
    UUID id;

    @Option(names = "--plain", description = "one line per event, no redrawing (the default when not in a terminal)")
    boolean plain;

    @Override
    public Integer call() {
        ApiClient api = connection.client(cli.env);
        String project = "/api/v1/projects/" + id;
        boolean live = !plain && System.console() != null && System.console().isTerminal();
        long[] lastDraw = {0};
        api.get(project); // a missing project or a refused token is one line before any stream opens
        api.events(project + "/events", null, event -> {
            if (live) {
                if (System.nanoTime() - lastDraw[0] >= REDRAW_NANOS) {
                    cli.out.print("\033[H\033[2J" + TerminalBoard.render(api.get(project), api.get(project + "/tasks"))
                            + TerminalBoard.waiting(api.get(project + "/approvals"), id.toString())
                            + "last event: " + describe(event) + "\n");
                    cli.out.flush();
                    lastDraw[0] = System.nanoTime();
                }
            } else {
                cli.out.println(describe(event));
                if (event.type().equals("ApprovalRequested")) {
                    String item = TerminalBoard.clean(
                            event.data().path("payload").path("itemId").asString());
                    cli.out.println("  waits for a person: ./aios approve " + id + " " + item + "  or  ./aios reject "
                            + id + " " + item + " --feedback TEXT");
                }
            }
            return true;
        });
        JsonNode last = api.get(project);
        if (live) {
            cli.out.print("\033[H\033[2J" + TerminalBoard.render(last, api.get(project + "/tasks")));
        }
        String status = last.path("status").asString();
        if (!FINAL.contains(status)) {
            throw new CliFailure("the event stream ended while the project is " + status
                    + "; watch it again with ./aios watch " + id);
        }
        cli.out.println(TerminalBoard.header(last));
        if (!status.equals("DELIVERED")) {
            throw new CliFailure("project " + id + " ended " + status
                    + (last.path("stopReason").asString("").isBlank()
                            ? ""
                            : ": " + TerminalBoard.clean(last.path("stopReason").asString())));
        }
        cli.out.println("download the repository with ./aios download " + id);
        return 0;
    }

    /** "#12 TaskCompleted A (backend)": the stream version, the event, and the task and role it is about. */
    static String describe(ApiClient.Event event) {
        JsonNode payload = event.data().path("payload");
        String task = payload.path("itemId").asString("");
        if (task.isEmpty()) {
            task = payload.path("taskId").asString("");
        }
        if (task.isEmpty()) {
            task = payload.at("/task/taskId").asString("");
        }
        String role = payload.path("role").asString("");
        return "#" + event.id() + " " + event.type()
                + (task.isEmpty() ? "" : " " + TerminalBoard.clean(task))
                + (role.isEmpty() ? "" : " (" + role.replace("AGENT_ROLE_", "").toLowerCase(Locale.ROOT) + ")");
    }
}
