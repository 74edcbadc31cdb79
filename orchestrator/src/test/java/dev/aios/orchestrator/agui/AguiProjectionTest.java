package dev.aios.orchestrator.agui;

import static dev.aios.events.v1.AgentRole.AGENT_ROLE_BACKEND;
import static dev.aios.events.v1.AgentRole.AGENT_ROLE_FRONTEND;
import static dev.aios.orchestrator.agui.RecordedProject.PROJECT;
import static dev.aios.orchestrator.agui.RecordedProject.backlog;
import static dev.aios.orchestrator.agui.RecordedProject.call;
import static dev.aios.orchestrator.agui.RecordedProject.submitted;
import static dev.aios.orchestrator.agui.RecordedProject.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.StopCause;
import dev.aios.events.v1.TaskFailed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AguiProjectionTest {

    /** A one-sprint project: T1 fails once and is retried, T2 waits for T1, QA's review passes, delivered. */
    static RecordedProject deliveredSprint() {
        var p = new RecordedProject();
        p.arrive(submitted(5_000_000))
                .arrive(call("c0", "plan", "local", "qwen", 800, 400, 0))
                .arrive(backlog(
                        1,
                        task("T1", AGENT_ROLE_BACKEND, "Store and API"),
                        task("T2", AGENT_ROLE_FRONTEND, "Page", "T1")));
        p.arrive(p.started("T1", "backend-1"));
        p.arrive(call("c1", "T1", "local", "qwen", 1000, 200, 1500));
        p.arrive(p.failed("T1", "backend-1", "timed out"));
        p.arrive(p.started("T1", "backend-2"));
        p.arrive(p.completed("T1", "backend-2", "app.py"));
        p.arrive(p.started("T2", "frontend-1"));
        p.arrive(call("c2", "T2", "gpt", "gpt-4o", 2000, 500, 25_000));
        p.arrive(p.completed("T2", "frontend-1", "index.html"));
        p.arrive(p.started("R1", "qa-1"));
        p.arrive(p.reviewed(1));
        return p;
    }

    static List<AguiEvent> project(RecordedProject p) {
        var projection = new AguiProjection(PROJECT);
        var out = new ArrayList<AguiEvent>();
        p.stored().forEach(s -> out.addAll(projection.apply(s.event(), s.at())));
        return out;
    }

    static List<String> summary(List<AguiEvent> events) {
        return events.stream()
                .map(e -> switch (e) {
                    case AguiEvent.StepStarted s -> "STEP_STARTED " + s.stepName();
                    case AguiEvent.StepFinished s -> "STEP_FINISHED " + s.stepName();
                    case AguiEvent.Custom c -> "CUSTOM " + c.name();
                    case AguiEvent.RunFinished f -> "RUN_FINISHED " + f.outcome();
                    case AguiEvent.RunError r -> "RUN_ERROR " + r.code();
                    default -> e.json().get("type").asString();
                })
                .toList();
    }

    /** The board the client holds: the snapshot with every delta after it applied in order. */
    static JsonNode clientState(List<AguiEvent> events) {
        JsonNode state = null;
        for (AguiEvent e : events) {
            if (e instanceof AguiEvent.StateSnapshot s) {
                state = s.snapshot();
            } else if (e instanceof AguiEvent.StateDelta d) {
                state = StrictJsonPatch.apply(state, d.delta());
            }
        }
        return state;
    }

    static JsonNode boardAtTheEnd(RecordedProject p) {
        var board = new Board();
        p.stored().forEach(s -> board.apply(s.event()));
        return board.json();
    }

    @Nested
    class ADeliveredSprint {
        final RecordedProject recorded = deliveredSprint();
        final List<AguiEvent> events = project(recorded);

        @Test
        void isOneRunWithStepsForPlanningTheSprintAndEachTaskAndCustomEventsForItsFacts() {
            assertThat(summary(events))
                    .containsExactly(
                            "RUN_STARTED",
                            "STATE_SNAPSHOT", // ProjectSubmitted
                            "STEP_STARTED planning", // PlanProject
                            "CUSTOM aios.llm_call", // the CTO's call; BacklogProposed changes no board
                            "STATE_DELTA",
                            "STEP_FINISHED planning", // BacklogAccepted
                            "STEP_STARTED sprint 1",
                            "STATE_DELTA", // SprintPlanned
                            "STEP_STARTED T1: Store and API",
                            "STATE_DELTA", // TaskAssigned T1
                            "STATE_DELTA", // TaskStarted
                            "CUSTOM aios.llm_call",
                            "STATE_DELTA",
                            "CUSTOM aios.task_failed",
                            "STATE_DELTA", // back to pending: the step stays open
                            "STATE_DELTA", // TaskAssigned T1, attempt 2
                            "STATE_DELTA", // TaskStarted
                            "STATE_DELTA",
                            "STEP_FINISHED T1: Store and API", // TaskCompleted
                            "STEP_STARTED T2: Page",
                            "STATE_DELTA", // TaskAssigned T2, now ready
                            "STATE_DELTA",
                            "CUSTOM aios.llm_call",
                            "STATE_DELTA",
                            "STATE_DELTA",
                            "STEP_FINISHED T2: Page",
                            "STEP_STARTED R1: Review of sprint 1",
                            "STATE_DELTA",
                            "STATE_DELTA",
                            "STATE_DELTA",
                            "STEP_FINISHED R1: Review of sprint 1",
                            "CUSTOM aios.sprint_reviewed",
                            "STATE_DELTA",
                            "STATE_DELTA",
                            "STEP_FINISHED sprint 1", // SprintCompleted
                            "STATE_DELTA",
                            "RUN_FINISHED success"); // ProjectDelivered
        }

        @Test
        void startsTheRunOfTheProjectWithTheBoardAsSubmitted() {
            assertThat(events.getFirst())
                    .isEqualTo(new AguiEvent.RunStarted(RecordedProject.START.toEpochMilli(), PROJECT, PROJECT));
            assertThat(events.getFirst().json().get("protocolVersion").asString())
                    .isEqualTo("1.0");
            JsonNode board = ((AguiEvent.StateSnapshot) events.get(1)).snapshot();
            assertThat(board.at("/project/name").asString()).isEqualTo("url-shortener");
            assertThat(board.at("/project/status").asString()).isEqualTo("PLANNING");
            assertThat(board.at("/budget/budgetMicros").asLong()).isEqualTo(5_000_000);
            assertThat(board.at("/budget/leftMicros").asLong()).isEqualTo(5_000_000);
            assertThat(board.get("tasks").isEmpty()).isTrue();
        }

        @Test
        void everyDeltaAppliedToTheSnapshotGivesTheBoardAtTheEnd() {
            JsonNode end = clientState(events);
            assertThat(end).isEqualTo(boardAtTheEnd(recorded));
            assertThat(end.at("/project/status").asString()).isEqualTo("DELIVERED");
            assertThat(end.at("/progress/tasksDone").asInt()).isEqualTo(2);
            assertThat(end.at("/budget/spentMicros").asLong()).isEqualTo(26_500);
            assertThat(end.at("/tasks/T1/status").asString()).isEqualTo("DONE");
            assertThat(end.at("/tasks/T1/attempt").asInt()).isEqualTo(2);
            assertThat(end.at("/tasks/T1/agentId").asString()).isEqualTo("backend-2");
            assertThat(end.at("/tasks/T1/costMicros").asLong()).isEqualTo(1500);
            assertThat(end.at("/tasks/T2/tier").asString()).isEqualTo("gpt");
            assertThat(end.at("/tasks/T2/model").asString()).isEqualTo("gpt-4o");
            assertThat(end.at("/tasks/R1/status").asString()).isEqualTo("DONE");
            assertThat(end.at("/sprints/0/status").asString()).isEqualTo("COMPLETED");
            assertThat(end.at("/sprints/0/reviewPassed").asBoolean()).isTrue();
            assertThat(end.at("/sprints/0/costMicros").asLong()).isEqualTo(26_500);
        }

        @Test
        void aModelCallIsACustomEventWithItsTierModelReasonTokensAndCostAndChargesItsTask() {
            int at = indexOfCall("c1");
            JsonNode value = ((AguiEvent.Custom) events.get(at)).value();
            assertThat(value.get("tier").asString()).isEqualTo("local");
            assertThat(value.get("model").asString()).isEqualTo("qwen");
            assertThat(value.get("reason").asString()).isEqualTo("score 0.25 below 0.5: local tier");
            assertThat(value.get("inputTokens").asLong()).isEqualTo(1000);
            assertThat(value.get("outputTokens").asLong()).isEqualTo(200);
            assertThat(value.get("costMicros").asLong()).isEqualTo(1500);
            assertThat(value.get("taskId").asString()).isEqualTo("T1");
            assertThat(((AguiEvent.StateDelta) events.get(at + 1)).delta().toString())
                    .isEqualTo("""
                    [{"op":"replace","path":"/budget/spentMicros","value":1500},\
                    {"op":"replace","path":"/budget/leftMicros","value":4998500},\
                    {"op":"replace","path":"/sprints/0/costMicros","value":1500},\
                    {"op":"replace","path":"/tasks/T1/costMicros","value":1500},\
                    {"op":"replace","path":"/tasks/T1/llmCalls","value":1},\
                    {"op":"replace","path":"/tasks/T1/tier","value":"local"},\
                    {"op":"replace","path":"/tasks/T1/model","value":"qwen"}]""");
        }

        @Test
        void deliveryFinishesTheRunWithItsResultAndTheTokensOfEachModel() {
            var finished = (AguiEvent.RunFinished) events.getLast();
            assertThat(finished.threadId()).isEqualTo(PROJECT);
            assertThat(finished.runId()).isEqualTo(PROJECT);
            assertThat(finished.outcome()).isEqualTo("success");
            assertThat(finished.result().get("tasksCompleted").asInt()).isEqualTo(2);
            assertThat(finished.result().get("spentMicros").asLong()).isEqualTo(26_500);
            assertThat(finished.usage().toString()).isEqualTo("""
                    [{"provider":"openai-compatible","model":"qwen","inputTokens":1800,"outputTokens":600,"totalTokens":2400},\
                    {"provider":"openai-compatible","model":"gpt-4o","inputTokens":2000,"outputTokens":500,"totalTokens":2500}]""");
        }

        @Test
        void everyStepThatStartsFinishesBeforeTheRunDoes() {
            assertThat(openStepsAtTheEnd(events)).isEmpty();
        }

        @Test
        void aStreamResumedAfterAnyEventReopensTheRunThenSendsEachLaterFactOnce() {
            var stored = recorded.stored();
            var fresh = new AguiProjection(PROJECT);
            List<List<AguiEvent>> perEvent =
                    stored.stream().map(s -> fresh.apply(s.event(), s.at())).toList();
            for (int k = 1; k < stored.size(); k++) {
                // given a client that has seen the first k stored events
                var resumed = new AguiProjection(PROJECT);
                stored.subList(0, k).forEach(s -> resumed.skip(s.event(), s.at()));
                // when it reconnects
                var events = new ArrayList<>(resumed.reopen());
                List<AguiEvent> later = new ArrayList<>();
                stored.subList(k, stored.size()).forEach(s -> later.addAll(resumed.apply(s.event(), s.at())));
                events.addAll(later);
                // then the connection is a whole run ending in the same board, and what follows the reopening is
                // exactly what the first connection sent after those k events
                assertThat(summary(events.subList(0, 2)))
                        .as("after %d", k)
                        .containsExactly("RUN_STARTED", "STATE_SNAPSHOT");
                assertThat(openStepsAtTheEnd(events)).as("after %d", k).isEmpty();
                assertThat(clientState(events)).as("after %d", k).isEqualTo(boardAtTheEnd(recorded));
                assertThat(later)
                        .as("after %d", k)
                        .isEqualTo(perEvent.subList(k, perEvent.size()).stream()
                                .flatMap(List::stream)
                                .toList());
            }
        }

        private int indexOfCall(String id) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof AguiEvent.Custom c
                        && c.value().path("callId").asString().equals(id)) {
                    return i;
                }
            }
            throw new AssertionError("no call " + id);
        }
    }

    @Nested
    class AProjectEndedEarly {
        final RecordedProject recorded = new RecordedProject();

        RecordedProject running() {
            recorded.arrive(submitted(5_000_000)).arrive(backlog(1, task("T1", AGENT_ROLE_BACKEND, "Store and API")));
            return recorded.arrive(recorded.started("T1", "backend-1"));
        }

        @Test
        void byAPersonIsACancelledRunWhoseOpenStepsFinishFirstLastOpenedFirst() {
            running().arrive(RecordedProject.stoppedBy("alice"));
            List<AguiEvent> events = project(recorded);
            assertThat(summary(events).subList(events.size() - 4, events.size()))
                    .containsExactly(
                            "STATE_DELTA",
                            "STEP_FINISHED T1: Store and API",
                            "STEP_FINISHED sprint 1",
                            "RUN_FINISHED cancelled");
            var finished = (AguiEvent.RunFinished) events.getLast();
            assertThat(finished.result().get("stoppedBy").asString()).isEqualTo("alice");
            assertThat(clientState(events).at("/project/status").asString()).isEqualTo("STOPPED");
            assertThat(openStepsAtTheEnd(events)).isEmpty();
        }

        @Test
        void byTheSprintLimitIsARunErrorWithTheReasonAndTheCause() {
            running()
                    .arrive(dev.aios.events.v1.ProjectStopped.newBuilder()
                            .setProjectId(PROJECT)
                            .setCause(StopCause.STOP_CAUSE_SPRINT_LIMIT)
                            .setReason("sprint limit 3 reached")
                            .build());
            var error = (AguiEvent.RunError) project(recorded).getLast();
            assertThat(error.message()).isEqualTo("sprint limit 3 reached");
            assertThat(error.code()).isEqualTo("sprint_limit");
        }

        @Test
        void byAFailureIsARunErrorWithTheReasonAfterTheFailureAndTheBoardsLastChange() {
            running()
                    .arrive(TaskFailed.newBuilder()
                            .setProjectId(PROJECT)
                            .setTaskId("T1")
                            .setAttempt(1)
                            .setAgentId("backend-1")
                            .setLeaseId(recorded.leaseOf("T1"))
                            .setFatalToProject(true)
                            .setReason("no model is configured and no recording is of this brief")
                            .build());
            List<AguiEvent> events = project(recorded);
            assertThat(summary(events).subList(events.size() - 6, events.size()))
                    .containsExactly(
                            "CUSTOM aios.task_failed",
                            "STATE_DELTA",
                            "STATE_DELTA",
                            "STEP_FINISHED T1: Store and API",
                            "STEP_FINISHED sprint 1",
                            "RUN_ERROR failed");
            var error = (AguiEvent.RunError) events.getLast();
            assertThat(error.message()).isEqualTo("no model is configured and no recording is of this brief");
            assertThat(error.json().has("usage")).isTrue();
            assertThat(clientState(events).at("/project/status").asString()).isEqualTo("FAILED");
            assertThat(clientState(events).at("/project/stopReason").asString()).contains("no recording");
        }
    }

    /** Steps started and not finished, checked as a client's verifier does: a name opens once at a time. */
    static List<String> openStepsAtTheEnd(List<AguiEvent> events) {
        Map<String, Boolean> open = new HashMap<>();
        for (AguiEvent e : events) {
            if (e instanceof AguiEvent.StepStarted s) {
                assertThat(open.put(s.stepName(), true))
                        .as("%s started twice", s.stepName())
                        .isNull();
            } else if (e instanceof AguiEvent.StepFinished f) {
                assertThat(open.remove(f.stepName()))
                        .as("%s finished but not started", f.stepName())
                        .isNotNull();
            }
        }
        return List.copyOf(open.keySet());
    }
}
