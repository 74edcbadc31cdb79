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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sprint review runs the workspace's tests in the sandbox, never asks the model, and reports defects. */
class QaSprintReviewTest {
    private final ScriptedLlm llm = new ScriptedLlm();
    private final QaAgent qa = new QaAgent(llm, new Sandbox(SandboxLimits.defaults().withTimeout(Duration.ofSeconds(30))));

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
                assertThat(defect.failingOutput()).contains("AssertionError: 6 != 5").doesNotContain("test_adds_negatives");
            });
            assertThat(done.summary()).contains("failed", "1 defect");
        });
    }
}
