package dev.aios.agents.qa.sandbox;

import dev.aios.agents.qa.sandbox.TestCommand.Framework;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tests run and failed, read from the framework's summary lines; -1 run when the output has no summary. */
record TestCounts(int run, int failed) {
    private static final Pattern UNITTEST_RAN = Pattern.compile("(?m)^Ran (\\d+) tests?");
    private static final Pattern UNITTEST_FAILED = Pattern.compile("(?m)^FAILED \\((.*)\\)");
    private static final Pattern COUNT = Pattern.compile("(failures|errors)=(\\d+)");
    private static final Pattern PYTEST = Pattern.compile("(\\d+) (passed|failed|error|errors)\\b");
    private static final Pattern SUREFIRE = Pattern.compile("Tests run: (\\d+), Failures: (\\d+), Errors: (\\d+)");

    static TestCounts parse(Framework framework, String output) {
        return switch (framework) {
            case UNITTEST -> unittest(output);
            case PYTEST -> pytest(output);
            case MAVEN -> surefire(output);
            case NPM -> new TestCounts(-1, -1);
        };
    }

    private static TestCounts unittest(String output) {
        Matcher ran = UNITTEST_RAN.matcher(output);
        if (!ran.find()) {
            return new TestCounts(-1, -1);
        }
        int failed = 0;
        Matcher summary = UNITTEST_FAILED.matcher(output);
        if (summary.find()) {
            Matcher count = COUNT.matcher(summary.group(1));
            while (count.find()) {
                failed += Integer.parseInt(count.group(2));
            }
        }
        return new TestCounts(Integer.parseInt(ran.group(1)), failed);
    }

    private static TestCounts pytest(String output) {
        int passed = 0;
        int failed = 0;
        Matcher m = PYTEST.matcher(output);
        boolean found = false;
        while (m.find()) {
            found = true;
            if (m.group(2).equals("passed")) {
                passed += Integer.parseInt(m.group(1));
            } else {
                failed += Integer.parseInt(m.group(1));
            }
        }
        return found ? new TestCounts(passed + failed, failed) : new TestCounts(-1, -1);
    }

    private static TestCounts surefire(String output) {
        Matcher m = SUREFIRE.matcher(output);
        int run = -1;
        int failed = 0;
        while (m.find()) {
            // surefire prints per-class lines and then the total; the last line is the total
            run = Integer.parseInt(m.group(1));
            failed = Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3));
        }
        return new TestCounts(run, run < 0 ? -1 : failed);
    }
}
