package dev.aios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class TerminalBoardTest {
    private static ObjectNode task(String id, String status, String kind) {
        return ApiClient.JSON
                .createObjectNode()
                .put("taskId", id)
                .put("title", "Task " + id)
                .put("role", "BACKEND")
                .put("kind", kind)
                .put("status", status)
                .put("points", 2)
                .put("attempt", 1)
                .put("costMicros", 1500);
    }

    private static JsonNode project(int done, int total) {
        ObjectNode p = ApiClient.JSON
                .createObjectNode()
                .put("name", "shop")
                .put("status", "RUNNING")
                .put("currentSprint", 1);
        p.putObject("progress").put("tasksDone", done).put("tasksTotal", total);
        p.putObject("cost").put("spentMicros", 120_000).put("budgetMicros", 5_000_000);
        return p;
    }

    @Test
    void tasksGoToTheColumnOfTheirStatusAndAReviewUnderWayIsReview() {
        // given
        ArrayNode tasks = ApiClient.JSON
                .createArrayNode()
                .add(task("A", "DONE", "TASK_KIND_CODE"))
                .add(task("B", "ASSIGNED", "TASK_KIND_CODE"))
                .add(task("C", "PENDING", "TASK_KIND_CODE"))
                .add(task("R1", "ASSIGNED", "TASK_KIND_SPRINT_REVIEW"))
                .add(task("D", "ABANDONED", "TASK_KIND_CODE"))
                .add(task("E", "BLOCKED", "TASK_KIND_CODE"));
        // when
        var columns = TerminalBoard.columns(tasks);
        // then
        assertThat(columns.keySet()).containsExactly("in progress", "review", "todo", "done", "abandoned");
        assertThat(columns.get("in progress"))
                .extracting(t -> t.path("taskId").asString())
                .containsExactly("B");
        assertThat(columns.get("review"))
                .extracting(t -> t.path("taskId").asString())
                .containsExactly("R1");
        assertThat(columns.get("todo"))
                .extracting(t -> t.path("taskId").asString())
                .containsExactly("C", "E");
        assertThat(columns.get("done"))
                .extracting(t -> t.path("taskId").asString())
                .containsExactly("A");
    }

    @Test
    void aBoardOfFiveHundredTasksShowsAFewLinesPerColumnAndCountsTheRest() {
        // given
        ArrayNode tasks = ApiClient.JSON.createArrayNode();
        for (int i = 0; i < 500; i++) {
            tasks.add(task("T" + i, i < 300 ? "DONE" : "PENDING", "TASK_KIND_CODE"));
        }
        // when
        String board = TerminalBoard.render(project(300, 500), tasks);
        // then
        assertThat(board)
                .startsWith("shop  RUNNING  sprint 1  tasks 300/500  spent $0.12 of $5.00\n")
                .contains("] 60%", "done (300)", "… and 292 more", "todo (200)", "… and 192 more");
        assertThat(board.lines().count()).isLessThan(40);
    }

    @Test
    void textFromTheServerCannotMoveTheCursor() {
        // given a task whose title carries terminal escape sequences
        ObjectNode hostile = task("X", "PENDING", "TASK_KIND_CODE").put("title", "evil\u001b[2J\u001b]0;owned\u0007");
        // when
        String line = TerminalBoard.line(hostile);
        // then
        assertThat(line).doesNotContain("\u001b", "\u0007").contains("evil [2J ]0;owned ");
    }

    @Test
    void whatWaitsForAPersonIsShownWithTheCommandsThatDecideIt() throws Exception {
        // given a waiting backlog and a granted risky change
        JsonNode approvals = ApiClient.JSON.readTree("""
                [{"item":"backlog-1","kind":"backlog","status":"WAITING","what":["A (backend, 3 points): API"],
                  "why":["the project asks a person to approve the backlog before sprint 1"]},
                 {"item":"change-A-1","kind":"risky-change","status":"GRANTED","what":["write Dockerfile (9 bytes)"],"why":[]}]
                """);
        // when
        String shown = TerminalBoard.waiting(approvals, "p1");
        // then
        assertThat(shown).isEqualTo("""
                waiting for approval
                  backlog-1  backlog: the project asks a person to approve the backlog before sprint 1
                    A (backend, 3 points): API
                    ./aios approve p1 backlog-1  |  ./aios reject p1 backlog-1 --feedback TEXT
                """);
        assertThat(ApproveCommand.waiting(approvals)).containsExactly("backlog-1");
        assertThat(TerminalBoard.waiting(ApiClient.JSON.createArrayNode(), "p1"))
                .isEmpty();
    }
}
