package dev.aios.agents.qa;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.Role;
import dev.aios.agent.persona.ChangesetPersona;
import dev.aios.agent.persona.Prompt;
import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.ProgressReporter;
import dev.aios.agent.task.ReviewResult;
import dev.aios.agent.task.TaskAssignment;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agent.task.TestReport;
import dev.aios.agent.task.Usage;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agents.qa.sandbox.Sandbox;
import dev.aios.agents.qa.sandbox.SandboxLimits;
import dev.aios.agents.qa.sandbox.SandboxRun;
import dev.aios.router.client.LlmClient;
import java.util.Optional;

/**
 * QA: writes tests for what a sprint produced (a changeset, like any builder), and on a sprint review runs the
 * project's tests in the sandbox and reports pass/fail with the failing output as defects. Where the sandbox cannot
 * isolate generated code, the review fails with the reason and nothing runs.
 */
public class QaAgent extends BaseAgent {
    static final int MAX_OUTPUT_TOKENS = 8000;

    private final ChangesetPersona testWriter;
    private final Sandbox sandbox;

    public QaAgent(LlmClient llm) {
        this(llm, new Sandbox(SandboxLimits.defaults()));
    }

    public QaAgent(LlmClient llm, Sandbox sandbox) {
        super(Role.QA);
        this.testWriter = new ChangesetPersona(Role.QA, llm, Prompt.load(QaAgent.class, "qa", 1), MAX_OUTPUT_TOKENS);
        this.sandbox = requireNonNull(sandbox, "sandbox");
    }

    @Override
    protected TaskOutcome perform(TaskAssignment assignment, ProgressReporter progress) throws Exception {
        if (assignment.task().kind() != TaskKind.SPRINT_REVIEW) {
            return testWriter.perform(assignment, progress);
        }
        progress.report(
                "running the tests of " + assignment.context().relevantFiles().size() + " files in the sandbox", 10);
        return switch (sandbox.run(assignment.context().relevantFiles())) {
            // the review fails as a task, not with defects: nothing is wrong with the project, the host cannot test it
            case SandboxRun.Refused refused ->
                new TaskOutcome.Failed("sprint review failed: " + refused.reason(), refused.retriable(), Usage.NONE);
            case SandboxRun.Tested tested -> {
                ReviewResult review = SprintReview.of(tested.report());
                yield new TaskOutcome.Completed(
                        Changeset.EMPTY, summary(tested.report(), review), Usage.NONE, Optional.of(review));
            }
        };
    }

    private static String summary(TestReport report, ReviewResult review) {
        String verdict = review.passed()
                ? "sprint review passed: " + report.testsRun() + " tests ran, none failed"
                : "sprint review failed: " + review.defects().size() + " defect(s); " + report.testsFailed() + " of "
                        + report.testsRun() + " tests failed" + (report.timedOut() ? ", timed out" : "");
        return verdict + " (`" + report.command() + "`, " + report.durationMillis() + " ms; " + report.isolationNote()
                + ")";
    }
}
