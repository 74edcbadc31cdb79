package dev.aios.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./aios reject ID ITEM --feedback TEXT}: turns a waiting item down; the feedback goes to the CTO (a backlog),
 * into the sprint's tasks (a sprint's plan) or to the agent (a risky change), and a new proposal comes back.
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

    @Override
    public Integer call() {
        String body =
                ApiClient.JSON.createObjectNode().put("feedback", feedback).toString();
        JsonNode decided =
                connection.client(cli.env).post("/api/v1/projects/" + id + "/approvals/" + item + "/reject", body);
        cli.out.println("rejected " + item + " of " + id + " ("
                + decided.path("kind").asString() + "); the feedback goes back and a new proposal will wait");
        return 0;
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
