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
        String kind = decided.path("kind").asString();
        cli.out.println("rejected " + item + " of " + id + " (" + kind + "): " + afterRejection(kind, defer));
        return 0;
    }

    /**
     * What a rejection sets going, by kind (ADR 0014), as the board says it: a sprint's plan is the planner's, not a
     * model's, so feedback alone does not change it.
     */
    static String afterRejection(String kind, List<String> deferred) {
        return switch (kind) {
            case "backlog" -> "the CTO plans the backlog again with the feedback; the new plan waits for a person";
            case "sprint" ->
                deferred.isEmpty()
                        ? "the sprint comes back with the same tasks (the planner fills a sprint by capacity; --defer"
                                + " leaves tasks out); their agents get the feedback; the plan waits for a person"
                        : "the sprint is planned again without "
                                + String.join(", ", deferred.stream().distinct().toList())
                                + " (and what depends on them); the agents of the tasks that stay get the feedback;"
                                + " the plan waits for a person";
            case "risky-change" ->
                "the agent redoes its task with the feedback; the new change waits for a person if it is still risky";
            default -> "the feedback goes back to the proposer";
        };
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
