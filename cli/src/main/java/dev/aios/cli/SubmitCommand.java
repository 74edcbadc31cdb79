package dev.aios.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./aios submit BRIEF}: submits a brief (a file, or {@code -} for standard input). Prints the new project's id
 * alone on standard output, so that {@code id=$(./aios submit brief.md)} works, and how to follow it on standard error.
 */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Submit a brief (a file, or - for standard input); prints the project's id.")
final class SubmitCommand implements Callable<Integer> {
    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Parameters(
            index = "0",
            paramLabel = "BRIEF",
            description = "a text or Markdown file with the brief, or - to read it from standard input")
    String brief;

    @Option(names = "--name", description = "the project's name (default: the brief file's name without its extension)")
    @Nullable
    String name;

    @Option(
            names = "--budget-usd",
            paramLabel = "USD",
            defaultValue = "5",
            converter = BudgetOption.class,
            description = "what the project may spend on models, in US dollars (default 5)")
    long budgetMicros;

    @Option(
            names = "--approvals",
            split = ",",
            paramLabel = "KIND",
            description = "what waits for a person: backlog, sprint, risky-changes (comma-separated)")
    List<String> approvals = List.of();

    @Option(
            names = "--approval-timeout-minutes",
            paramLabel = "N",
            description = "minutes an item waits before --approval-timeout-action decides it (default: it waits)")
    @Nullable
    Integer approvalTimeoutMinutes;

    @Option(names = "--approval-timeout-action", paramLabel = "grant|reject", description = "what a timeout decides")
    @Nullable
    String approvalTimeoutAction;

    static final Set<String> APPROVALS = Set.of("backlog", "sprint", "risky-changes");

    @Spec
    CommandLine.Model.CommandSpec spec;

    static final class BudgetOption implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Money.micros(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        for (String kind : approvals) {
            if (!APPROVALS.contains(kind)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--approvals takes backlog, sprint and " + "risky-changes, not '" + TerminalBoard.clean(kind)
                                + "'");
            }
        }
        String text = readBrief();
        String projectName = name != null ? name : defaultName();
        ObjectNode body = ApiClient.JSON
                .createObjectNode()
                .put("name", projectName)
                .put("brief", text)
                .put("budgetMicros", budgetMicros);
        if (!approvals.isEmpty()) {
            approvals.stream().distinct().forEach(body.putArray("approvals")::add);
        }
        if (approvalTimeoutMinutes != null) {
            body.put("approvalTimeoutMinutes", approvalTimeoutMinutes);
        }
        if (approvalTimeoutAction != null) {
            body.put("approvalTimeoutAction", approvalTimeoutAction);
        }
        JsonNode accepted = connection.client(cli.env).post("/api/v1/projects", body.toString());
        String id = accepted.path("id").asString();
        cli.out.println(id);
        cli.err.println("submitted '" + projectName + "' with a budget of " + Money.dollars(budgetMicros)
                + (approvals.isEmpty()
                        ? ""
                        : "; what waits for a person (" + String.join(", ", approvals) + "): ./aios approve " + id)
                + "; follow it with ./aios watch " + id);
        return 0;
    }

    private String readBrief() {
        try {
            String text = brief.equals("-")
                    ? new String(cli.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(brief), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new CliFailure("the brief " + (brief.equals("-") ? "on standard input" : brief) + " is empty");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new CliFailure("no brief at " + brief);
        } catch (IOException e) {
            throw new CliFailure("cannot read the brief " + brief + ": " + e.getMessage());
        }
    }

    private String defaultName() {
        if (brief.equals("-")) {
            return "project";
        }
        String file = Path.of(brief).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
