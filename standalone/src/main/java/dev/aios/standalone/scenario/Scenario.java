package dev.aios.standalone.scenario;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One recorded scenario: what it shows, the project to submit (name, brief, budget, options, what waits for a
 * person's approval), what a person does
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
        List<String> approvals,
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
        approvals = List.copyOf(approvals);
        actions = List.copyOf(actions);
        requireNonNull(expect, "expect");
        recordWith = Map.copyOf(recordWith);
        requireNonNull(cassette, "cassette");
    }

    /**
     * What a person does when an event arrives: raise the budget (each time the event arrives), or decide what waits
     * for approval (each decision once, in the order the scenario lists them).
     */
    public record Action(String onEvent, long raiseBudgetMicros, Optional<Decision> decision) {
        public Action {
            requireNonNull(onEvent, "on event");
            requireNonNull(decision, "decision");
        }

        public static Action raiseBudget(String onEvent, long micros) {
            return new Action(onEvent, micros, Optional.empty());
        }

        public static Action decide(String onEvent, Decision decision) {
            return new Action(onEvent, 0, Optional.of(decision));
        }
    }

    /** A person's answer to an approval request: grant it, or reject it with feedback for whoever proposed it. */
    public record Decision(boolean grant, String feedback) {
        public static Decision granted() {
            return new Decision(true, "");
        }

        public static Decision rejected(String feedback) {
            return new Decision(false, feedback);
        }
    }

    /** How the run must end: the final event and the counts that show the scenario's capability. */
    public record Expectation(
            String finalEvent,
            int sprints,
            int backlogRejections,
            int pauses,
            int failedReviews,
            int rejectedChanges) {}
}
