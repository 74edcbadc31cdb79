package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Given prior events, when one arrives, then these events: the planner's test fixture. */
final class PlannerFixture {
    static final String PROJECT = "7a1c3c34-1111-4222-8333-444455556666";
    static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final SprintPlanner planner;
    private final List<Message> history = new ArrayList<>();

    PlannerFixture(PlannerSettings settings) {
        this.planner = new SprintPlanner(settings);
    }

    static PlannerFixture withCapacity(int points) {
        return new PlannerFixture(new PlannerSettings(points, 10, 2, 3, 200, 200, 8000, Duration.ofMinutes(10)));
    }

    PlannerFixture given(Message... events) {
        history.addAll(Arrays.asList(events));
        return this;
    }

    /** Feeds events through the planner, keeping what it records, as the orchestrator would. */
    PlannerFixture givenHandled(Message... incoming) {
        for (Message m : incoming) {
            history.addAll(when(m).events());
        }
        return this;
    }

    Decision when(Message incoming) {
        return planner.decide(ProjectState.from(history), incoming, NOW);
    }

    ProjectState state() {
        return ProjectState.from(history);
    }

    static ProjectSubmitted submitted(long budget) {
        return ProjectSubmitted.newBuilder()
                .setProjectId(PROJECT)
                .setName("shop")
                .setBrief("a shop")
                .setBudgetMicros(budget)
                .build();
    }

    static PlanProject plan(int attempt) {
        return PlanProject.newBuilder()
                .setProjectId(PROJECT)
                .setName("shop")
                .setBrief("a shop")
                .setAttempt(attempt)
                .build();
    }

    static TaskSpec task(String id, AgentRole role, int points, String... deps) {
        return TaskSpec.newBuilder()
                .setTaskId(id)
                .setRole(role)
                .setTitle("task " + id)
                .setEstimatePoints(points)
                .setKind(TaskKind.TASK_KIND_CODE)
                .addAllDependsOn(List.of(deps))
                .build();
    }

    static BacklogProposed backlog(int attempt, TaskSpec... tasks) {
        return BacklogProposed.newBuilder()
                .setProjectId(PROJECT)
                .setAttempt(attempt)
                .setArchitectureNotes("notes")
                .addAllTasks(List.of(tasks))
                .build();
    }

    static String lease(String task, int attempt) {
        return PROJECT + "/" + task + "/" + attempt;
    }

    static TaskCompleted completed(String task, int attempt, String... paths) {
        var changeset = Changeset.newBuilder();
        for (String p : paths) {
            changeset.addWrites(
                    FileWrite.newBuilder().setPath(p).setContent(com.google.protobuf.ByteString.copyFromUtf8("x")));
        }
        return TaskCompleted.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attempt)
                .setAgentId("agent-1")
                .setChangeset(changeset)
                .setSummary("did " + task)
                .setLeaseId(lease(task, attempt))
                .build();
    }

    static TaskCompleted reviewed(int sprint, Defect... defects) {
        return TaskCompleted.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId("R" + sprint)
                .setAttempt(1)
                .setAgentId("qa-1")
                .setReview(
                        ReviewResult.newBuilder().setPassed(defects.length == 0).addAllDefects(List.of(defects)))
                .setLeaseId(lease("R" + sprint, 1))
                .build();
    }

    static TaskFailed failed(String task, int attempt, boolean retriable) {
        return TaskFailed.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attempt)
                .setReason("boom")
                .setRetriable(retriable)
                .setLeaseId(lease(task, attempt))
                .build();
    }

    static TaskLeaseExpired leaseExpired(String task, int attempt) {
        return TaskLeaseExpired.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attempt)
                .setLeaseId(lease(task, attempt))
                .build();
    }

    static LlmCallCompleted llmCall(String id, long cost) {
        return LlmCallCompleted.newBuilder()
                .setCallId(id)
                .setProjectId(PROJECT)
                .setTaskId("A")
                .setCostMicros(cost)
                .build();
    }

    static List<String> assignedTaskIds(Decision d) {
        return d.events().stream()
                .filter(TaskAssigned.class::isInstance)
                .map(e -> ((TaskAssigned) e).getTaskId())
                .toList();
    }

    static List<Class<?>> types(Decision d) {
        return d.events().stream().<Class<?>>map(Object::getClass).toList();
    }
}
