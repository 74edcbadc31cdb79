package dev.aios.agents.qa;

import dev.aios.agent.Role;
import dev.aios.agent.task.ReviewResult;
import dev.aios.agent.task.ReviewResult.Defect;
import dev.aios.agent.task.TestReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a sandboxed test run into a review: one defect per failing test when the output names them. */
final class SprintReview {
    private static final Pattern UNITTEST_FAILURE = Pattern.compile(
            "(?ms)^={20,}\\n((?:FAIL|ERROR): (\\S+) \\(([^)]*)\\).*?)(?=^={20,}\\n|^-{20,}\\nRan |\\z)");
    private static final int MAX_DEFECTS = 10;

    private SprintReview() {}

    static ReviewResult of(TestReport report) {
        if (report.passed()) {
            return new ReviewResult(true, List.of(), report);
        }
        List<Defect> defects = new ArrayList<>();
        Matcher failure = UNITTEST_FAILURE.matcher(report.outputTail());
        while (failure.find() && defects.size() < MAX_DEFECTS) {
            String test = failure.group(2) + " (" + failure.group(3) + ")";
            defects.add(new Defect(
                    "Failing test: " + test,
                    "`" + report.command() + "` fails in " + test + ". Fix the code (or the test, if the test is wrong)"
                            + " so that the whole suite passes.",
                    roleFor(failure.group(3)),
                    failure.group(1).strip()));
        }
        if (defects.isEmpty()) {
            defects.add(wholeRunDefect(report));
        }
        return new ReviewResult(false, defects, report);
    }

    private static Defect wholeRunDefect(TestReport report) {
        if (report.command().isEmpty()) {
            return new Defect("No tests to run", report.outputTail(), Role.QA, report.outputTail());
        }
        if (report.timedOut()) {
            return new Defect(
                    "Test suite hangs",
                    "`" + report.command() + "` did not finish within the time limit" + " (" + report.durationMillis()
                            + " ms): something waits forever.",
                    Role.BACKEND,
                    report.outputTail());
        }
        String why = report.testsRun() == 0 ? "ran no tests" : "failed with exit code " + report.exitCode();
        return new Defect(
                "Test suite fails", "`" + report.command() + "` " + why + ".", Role.BACKEND, report.outputTail());
    }

    /** A failing test of the web page goes to the frontend; everything else to the backend. */
    private static Role roleFor(String testName) {
        String name = testName.toLowerCase(Locale.ROOT);
        return name.contains("frontend") || name.contains("static") || name.contains("html") || name.contains("page")
                ? Role.FRONTEND
                : Role.BACKEND;
    }
}
