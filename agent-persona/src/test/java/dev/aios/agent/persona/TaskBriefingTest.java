package dev.aios.agent.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.Assignments;
import dev.aios.agent.task.FileContent;
import dev.aios.agent.task.TaskDefinition.TaskKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBriefingTest {
    @Test
    void showsTheTaskItsCriteriaAndTheRelevantFiles() {
        String briefing = TaskBriefing.render(Assignments.task(
                Role.BACKEND, "T1", TaskKind.CODE, List.of(FileContent.text("app/server.py", "def handler(): pass"))));

        assertThat(briefing)
                .contains(
                        "## Your task T1: Build the backend part",
                        "- it is tested",
                        "### app/server.py",
                        "def handler(): pass",
                        "URL shortener",
                        "One stdlib HTTP server.");
    }

    @Test
    void capsLongFilesAndLeavesBinaryContentOut() {
        String big = "y".repeat(TaskBriefing.MAX_FILE_CHARS + 500);
        String briefing = TaskBriefing.render(Assignments.task(
                Role.BACKEND,
                "T1",
                TaskKind.CODE,
                List.of(
                        FileContent.text("big.txt", big),
                        new FileContent("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}))));

        assertThat(briefing)
                .contains("(500 more characters not shown)", "### logo.png\n(binary file, 7 bytes, not shown)");
        assertThat(briefing).doesNotContain("y".repeat(TaskBriefing.MAX_FILE_CHARS + 1));
    }

    @Test
    void showsAPersonsFeedbackOnTheRejectedChangesetOnlyWhenThereIsSome() {
        // given the same assignment without and with a person's feedback
        var plain = Assignments.task(Role.DEVOPS, "T2", TaskKind.INFRA, List.of());
        var c = plain.context();
        var rejected = new dev.aios.agent.task.TaskAssignment(
                plain.projectId(),
                plain.taskId(),
                plain.sprintNumber(),
                plain.attempt() + 1,
                plain.task(),
                new dev.aios.agent.task.TaskContext(
                        c.projectName(),
                        c.brief(),
                        c.architectureNotes(),
                        c.dependencyOutputs(),
                        c.relevantFiles(),
                        c.remainingBudgetMicros(),
                        c.budgetMicros(),
                        "Do not deploy from CI yet."),
                plain.leaseId());
        // when
        String before = TaskBriefing.render(plain);
        String after = TaskBriefing.render(rejected);
        // then the feedback is there only after a rejection, and nothing else changes
        assertThat(before).doesNotContain("rejected your previous changeset");
        assertThat(after)
                .contains("## A person rejected your previous changeset for this task\nDo not deploy from CI yet.\n");
        assertThat(after.replace(
                        "## A person rejected your previous changeset for this task\nDo not deploy from CI yet.\n"
                                + "Produce a new changeset that addresses this feedback.\n\n",
                        ""))
                .isEqualTo(before);
    }
}
