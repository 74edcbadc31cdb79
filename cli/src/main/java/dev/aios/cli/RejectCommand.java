package dev.aios.cli;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./aios reject ID ITEM --feedback TEXT [--defer TASK,...]}: turns a waiting item down; the feedback goes to the
 * CTO (a backlog), into the sprint's tasks (a sprint's plan, re-planned without the tasks {@code --defer} leaves out) or
 * to the agent (a risky change), and a new proposal comes back.
 */
@Command(
        name = "reject",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Reject what waits for a person, with feedback for whoever made it.")
final class RejectCommand implements Callable<Integer> {
    static final int MAX_FEEDBACK = 4000;

    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Parameters(index = "0", paramLabel = "ID", converter = ProjectId.class, description = "the project")
    UUID id;

    @Parameters(index = "1", paramLabel = "ITEM", converter = ApprovalItem.class, description = "the waiting item")
    String item;

    @Option(
            names = "--feedback",
            required = true,
            paramLabel = "TEXT",
            converter = Feedback.class,
            description = "why, for the CTO or the agent (1-" + MAX_FEEDBACK + " characters)")
    String feedback;

    @Option(
            names = "--defer",
            split = ",",
            paramLabel = "TASK",
            converter = TaskId.class,
            description =
                    "a sprint's plan only: tasks to leave out of it for a later sprint (with what depends on them)")
    List<String> defer = List.of();

    @Override
    public Integer call() {
        var request = ApiClient.JSON.createObjectNode().put("feedback", feedback);
        if (!defer.isEmpty()) {
            defer.stream().distinct().forEach(request.putArray("deferTasks")::add);
        }
        String body = request.toString();
        JsonNode decided =
                connection.client(cli.env).post("/api/v1/projects/" + id + "/approvals/" + item + "/reject", body);
        cli.out.println("rejected " + item + " of " + id + " ("
                + decided.path("kind").asString() + "); the feedback goes back and a new proposal will wait");
        return 0;
    }

    static final class TaskId implements picocli.CommandLine.ITypeConverter<String> {
        private static final java.util.regex.Pattern TASK = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

        @Override
        public String convert(String value) {
            if (!TASK.matcher(value).matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + TerminalBoard.clean(value)
                        + "' is not a task id (e.g. T4; ./aios watch ID shows the sprint's plan)");
            }
            return value;
        }
    }

    static final class Feedback implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank() || value.length() > MAX_FEEDBACK) {
                throw new picocli.CommandLine.TypeConversionException(
                        "feedback must be 1-" + MAX_FEEDBACK + " characters");
            }
            if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw new picocli.CommandLine.TypeConversionException("feedback must not contain control characters");
            }
            return value;
        }
    }
}
