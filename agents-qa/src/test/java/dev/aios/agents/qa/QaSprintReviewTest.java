package dev.aios.agents.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.persona.testing.ScriptedLlm;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.ReviewResult;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agents.qa.sandbox.Sandbox;
import dev.aios.agents.qa.sandbox.SandboxLimits;
import dev.aios.agents.qa.sandbox.SandboxTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sprint review runs the workspace's tests in the sandbox, never asks the model, and reports defects; where no
 * sandbox can be built it fails with the reason, and nothing of the workspace runs.
 */
class QaSprintReviewTest {
    private final ScriptedLlm llm = new ScriptedLlm();
    private final QaAgent qa =
            new QaAgent(llm, new Sandbox(SandboxLimits.defaults().withTimeout(Duration.ofSeconds(30))));

    private static List<FileContent> workspace(String assertion) {
        return List.of(
                FileContent.text("calc.py", "def add(a, b):\n    return a + b\n"),
                FileContent.text("tests/__init__.py", ""),
                FileContent.text("tests/test_calc.py", """
                        import unittest
                        from calc import add

                        class CalcTest(unittest.TestCase):
                            def test_adds(self):
                                %s

                            def test_adds_negatives(self):
                                self.assertEqual(-3, add(-1, -2))
                        """.formatted(assertion)));
    }

    private TaskOutcome review(List<FileContent> files) throws Exception {
        return qa.perform(Assignments.task(Role.QA, "R1", TaskKind.SPRINT_REVIEW, files), (m, p) -> {});
    }

    @Test
    void aGreenWorkspacePassesTheReview() throws Exception {
        // when
        TaskOutcome outcome = review(workspace("self.assertEqual(5, add(2, 3))"));

        // then
        assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Completed.class, done -> {
            assertThat(done.review()).get().satisfies(review -> {
                assertThat(review.passed()).as(review.report().outputTail()).isTrue();
                assertThat(review.defects()).isEmpty();
                assertThat(review.report().testsRun()).isEqualTo(2);
            });
            assertThat(done.changeset().writes()).isEmpty();
            assertThat(done.summary()).contains("passed", "2 tests");
            assertThat(done.usage().llmCalls()).isZero();
        });
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void aFailingTestComesBackAsADefectWithTheFailingOutput() throws Exception {
        // when
        TaskOutcome outcome = review(workspace("self.assertEqual(6, add(2, 3))"));

        // then
        assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Completed.class, done -> {
            ReviewResult review = done.review().orElseThrow();
            assertThat(review.passed()).isFalse();
            assertThat(review.report().testsFailed()).isEqualTo(1);
            assertThat(review.defects()).singleElement().satisfies(defect -> {
                assertThat(defect.title()).contains("test_adds");
                assertThat(defect.role()).isEqualTo(Role.BACKEND);
                assertThat(defect.failingOutput())
                        .contains("AssertionError: 6 != 5")
                        .doesNotContain("test_adds_negatives");
            });
            assertThat(done.summary()).contains("failed", "1 defect");
        });
    }

    @Test
    void whereNoSandboxCanBeBuiltTheReviewFailsWithTheReasonAndNothingRuns(@TempDir Path host) throws Exception {
        // given a host whose kernel refuses user namespaces (as under a default seccomp profile), and a workspace
        // whose tests would leave a marker if they ran
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path refusingUnshare = Files.writeString(
                host.resolve("unshare"),
                "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
        Files.setPosixFilePermissions(refusingUnshare, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path marker = host.resolve("the-generated-tests-ran");
        QaAgent qa = new QaAgent(
                llm,
                new Sandbox(
                        SandboxLimits.defaults(), host, SandboxTools.installed().withUnshare(refusingUnshare), false));
        List<FileContent> files = List.of(
                FileContent.text("tests/__init__.py", ""),
                FileContent.text("tests/test_marker.py", """
                import unittest

                class MarkerTest(unittest.TestCase):
                    def test_leaves_a_marker(self):
                        open("%s", "w").write("ran")
                """.formatted(marker)));

        // when
        TaskOutcome outcome = qa.execute(Assignments.task(Role.QA, "R1", TaskKind.SPRINT_REVIEW, files), (m, p) -> {});

        // then
        assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Failed.class, failed -> {
            assertThat(failed.reason())
                    .startsWith("sprint review failed: the sandbox cannot isolate generated code on"
                            + " this host (building the sandbox failed (exit 1): unshare: unshare failed: Operation not permitted),"
                            + " so none of it was run");
            assertThat(failed.retriable()).isFalse();
        });
        assertThat(marker).doesNotExist();
        assertThat(llm.requests()).isEmpty();
    }
}
