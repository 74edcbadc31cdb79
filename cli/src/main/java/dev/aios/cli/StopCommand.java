package dev.aios.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** {@code ./aios stop ID}: stops a project (its tasks in flight are abandoned; nothing more is assigned). */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Stop a project: nothing more is assigned, the repository keeps what was done.")
final class StopCommand implements Callable<Integer> {
    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Parameters(index = "0", paramLabel = "ID", converter = ProjectId.class, description = "the project")
    UUID id;

    @Override
    public Integer call() {
        JsonNode project = connection.client(cli.env).post("/api/v1/projects/" + id + "/stop", null);
        cli.out.println("stopped " + id + " (" + project.path("name").asString() + "): "
                + project.path("status").asString());
        return 0;
    }
}
