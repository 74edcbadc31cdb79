package dev.aios.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;

/** {@code ./aios budget ID +USD} raises a project's budget by USD dollars ({@code USD} without a sign sets it). */
@Command(
        name = "budget",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Raise a project's budget (+USD) or set it (USD); a paused project resumes.")
final class BudgetCommand implements Callable<Integer> {
    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Parameters(index = "0", paramLabel = "ID", converter = ProjectId.class, description = "the project")
    UUID id;

    @Parameters(
            index = "1",
            paramLabel = "[+]USD",
            converter = Change.Parser.class,
            description = "+5 raises the budget by $5; 12.50 sets it to $12.50")
    Change change;

    /** A raise by, or a new total of, so many micro-dollars. */
    record Change(boolean raise, long micros) {
        static final class Parser implements ITypeConverter<Change> {
            @Override
            public Change convert(String value) {
                boolean raise = value.startsWith("+");
                try {
                    return new Change(raise, Money.micros(raise ? value.substring(1) : value));
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException(e.getMessage());
                }
            }
        }
    }

    @Override
    public Integer call() {
        ApiClient api = connection.client(cli.env);
        long budget = change.micros();
        if (change.raise()) {
            budget = api.get("/api/v1/projects/" + id).at("/cost/budgetMicros").asLong() + change.micros();
            if (budget > Money.MAX_MICROS) {
                throw new CliFailure("the budget would be " + Money.dollars(budget) + ", above the limit of "
                        + Money.dollars(Money.MAX_MICROS));
            }
        }
        JsonNode project = api.post("/api/v1/projects/" + id + "/budget", "{\"budgetMicros\":" + budget + "}");
        cli.out.println("budget of " + id + " is now "
                + Money.dollars(project.at("/cost/budgetMicros").asLong()) + " (spent "
                + Money.dollars(project.at("/cost/spentMicros").asLong()) + "); status "
                + project.path("status").asString());
        return 0;
    }
}
