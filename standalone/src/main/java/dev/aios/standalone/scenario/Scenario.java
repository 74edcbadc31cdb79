package dev.aios.standalone.scenario;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded scenario: what it shows, the project to submit (name, brief, budget, options), what a person does
 * during it ({@code actions}), how it must end ({@code expect}), and where its recording is (absent until recorded).
 */
public record Scenario(
        String name,
        String title,
        String shows,
        String projectName,
        String brief,
        long budgetMicros,
        Map<String, Integer> options,
        List<Action> actions,
        Expectation expect,
        Map<String, String> recordWith,
        Optional<String> cassette) {
    public Scenario {
        requireNonNull(name, "name");
        requireNonNull(title, "title");
        requireNonNull(shows, "shows");
        requireNonNull(projectName, "project name");
        requireNonNull(brief, "brief");
        options = Map.copyOf(options);
        actions = List.copyOf(actions);
        requireNonNull(expect, "expect");
        recordWith = Map.copyOf(recordWith);
        requireNonNull(cassette, "cassette");
    }

    /** What a person does when an event arrives: today, raise the budget when the project pauses. */
    public record Action(String onEvent, long raiseBudgetMicros) {}

    /** How the run must end: the final event and the counts that show the scenario's capability. */
    public record Expectation(String finalEvent, int sprints, int backlogRejections, int pauses, int failedReviews) {}
}
