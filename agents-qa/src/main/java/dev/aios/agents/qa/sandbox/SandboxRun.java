package dev.aios.agents.qa.sandbox;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.TestReport;

/** What became of a request to run a workspace's tests: they ran (with a report), or nothing of them ran, and why. */
public sealed interface SandboxRun {
    record Tested(TestReport report) implements SandboxRun {
        public Tested {
            requireNonNull(report, "report");
        }
    }

    /** Nothing of the generated code ran; {@code retriable} when another attempt might succeed. */
    record Refused(String reason, boolean retriable) implements SandboxRun {
        public Refused {
            requireNonNull(reason, "reason");
        }
    }
}
