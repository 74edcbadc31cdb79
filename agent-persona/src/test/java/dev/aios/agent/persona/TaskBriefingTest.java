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
        String briefing = TaskBriefing.render(Assignments.task(Role.BACKEND, "T1", TaskKind.CODE,
                List.of(FileContent.text("app/server.py", "def handler(): pass"))));

        assertThat(briefing).contains("## Your task T1: Build the backend part", "- it is tested",
                "### app/server.py", "def handler(): pass", "URL shortener", "One stdlib HTTP server.");
    }

    @Test
    void capsLongFilesAndLeavesBinaryContentOut() {
        String big = "y".repeat(TaskBriefing.MAX_FILE_CHARS + 500);
        String briefing = TaskBriefing.render(Assignments.task(Role.BACKEND, "T1", TaskKind.CODE, List.of(
                FileContent.text("big.txt", big),
                new FileContent("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1}))));

        assertThat(briefing).contains("(500 more characters not shown)", "### logo.png\n(binary file, 7 bytes, not shown)");
        assertThat(briefing).doesNotContain("y".repeat(TaskBriefing.MAX_FILE_CHARS + 1));
    }
}
