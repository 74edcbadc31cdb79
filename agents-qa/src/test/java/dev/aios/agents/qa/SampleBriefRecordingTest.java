package dev.aios.agents.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.ChangesetPersona;
import dev.aios.agent.persona.Prompt;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.persona.testing.RecordedLlm;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import dev.aios.agent.task.TaskOutcome;
import dev.aios.agents.qa.sandbox.Sandbox;
import dev.aios.agents.qa.sandbox.SandboxLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's scripted recordings must deliver a real program: every builder answer parses (one needs the repair
 * request), and the QA sprint review's sandboxed run of exactly those files really passes.
 */
class SampleBriefRecordingTest {
    private record RecordedTask(Role role, String taskId, TaskKind kind) {}

    private static final List<RecordedTask> TASKS = List.of(
            new RecordedTask(Role.BACKEND, "T1", TaskKind.CODE),
            new RecordedTask(Role.FRONTEND, "T2", TaskKind.CODE),
            new RecordedTask(Role.QA, "T3", TaskKind.TESTS),
            new RecordedTask(Role.DEVOPS, "T4", TaskKind.INFRA));

    @Test
    void theRecordedSprintDeliversAProgramWhoseTestsPassInTheSandbox() throws Exception {
        // given every builder's recorded answer, read through the real parsing path
        RecordedLlm recording = RecordedLlm.load(RecordedLlm.SAMPLE_BRIEF);
        List<FileContent> workspace = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (RecordedTask task : TASKS) {
            ChangesetPersona persona =
                    new ChangesetPersona(task.role(), recording, Prompt.load(QaAgent.class, "qa", 1), 8000);
            TaskOutcome outcome = persona.perform(Assignments.task(task.role(), task.taskId(), task.kind()), (m, p) -> {});
            assertThat(outcome).as(task.taskId() + ": " + outcome).isInstanceOf(TaskOutcome.Completed.class);
            TaskOutcome.Completed done = (TaskOutcome.Completed) outcome;
            workspace.addAll(done.changeset().writes());
            summaries.add(done.summary());
        }
        QaAgent qa = new QaAgent(recording, new Sandbox(SandboxLimits.defaults().withTimeout(Duration.ofSeconds(60))));

        // when QA reviews the sprint
        TaskOutcome review = qa.perform(Assignments.task(Role.QA, "R1", TaskKind.SPRINT_REVIEW, workspace), (m, p) -> {});

        // then
        assertThat(workspace).extracting(FileContent::path).contains(
                "shortener/server.py", "static/index.html", "tests/test_server.py", "Dockerfile",
                ".github/workflows/ci.yml", "Makefile", "README.md");
        assertThat(summaries).allSatisfy(summary -> assertThat(summary).contains("scripted response"));
        assertThat(summaries.get(3)).as("the devops answer is truncated and repaired").contains("repaired once");
        assertThat(review).isInstanceOfSatisfying(TaskOutcome.Completed.class, done -> {
            var result = done.review().orElseThrow();
            assertThat(result.passed()).as(result.report().outputTail()).isTrue();
            assertThat(result.report().testsRun()).isEqualTo(12);
            assertThat(result.report().testsFailed()).isZero();
        });
    }
}
