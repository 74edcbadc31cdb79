package dev.aios.orchestrator.agui;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.planning.PlannerSettings;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.SprintPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's stream as the orchestrator stores it: the real planner decides on each incoming event and both are
 * recorded in its order; helpers say what the agents and the router would send. Each event is stored a second apart.
 */
final class RecordedProject {
    static final String PROJECT = "7a1c3c34-1111-4222-8333-444455556666";
    static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

    private final SprintPlanner planner =
            new SprintPlanner(new PlannerSettings(20, 3, 2, 3, 200, 200, 8000, Duration.ofMinutes(10)));
    private final List<Message> events = new ArrayList<>();

    record Stored(Message event, Instant at) {}

    RecordedProject arrive(Message... incoming) {
        for (Message m : incoming) {
            events.addAll(planner.decide(ProjectState.from(events), m, START).events());
        }
        return this;
    }

    List<Stored> stored() {
        var out = new ArrayList<Stored>();
        for (int i = 0; i < events.size(); i++) {
            out.add(new Stored(events.get(i), START.plusSeconds(i)));
        }
        return out;
    }

    String leaseOf(String task) {
        String lease = "";
        for (Message m : events) {
            if (m instanceof TaskAssigned a && a.getTaskId().equals(task)) {
                lease = a.getLeaseId();
            }
        }
        return lease;
    }

    int attemptOf(String task) {
        int attempt = 0;
        for (Message m : events) {
            if (m instanceof TaskAssigned a && a.getTaskId().equals(task)) {
                attempt = a.getAttempt();
            }
        }
        return attempt;
    }

    static ProjectSubmitted submitted(long budgetMicros) {
        return ProjectSubmitted.newBuilder()
                .setProjectId(PROJECT)
                .setName("url-shortener")
                .setBrief("shorten urls")
                .setBudgetMicros(budgetMicros)
                .setSubmittedBy("alice")
                .setTenant("acme")
                .build();
    }

    static TaskSpec task(String id, AgentRole role, String title, String... deps) {
        return TaskSpec.newBuilder()
                .setTaskId(id)
                .setRole(role)
                .setTitle(title)
                .setEstimatePoints(3)
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

    TaskStarted started(String task, String agent) {
        return TaskStarted.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attemptOf(task))
                .setAgentId(agent)
                .setLeaseId(leaseOf(task))
                .build();
    }

    TaskCompleted completed(String task, String agent, String path) {
        return TaskCompleted.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attemptOf(task))
                .setAgentId(agent)
                .setSummary("did " + task)
                .setLeaseId(leaseOf(task))
                .setChangeset(Changeset.newBuilder()
                        .addWrites(FileWrite.newBuilder().setPath(path).setContent(ByteString.copyFromUtf8("x"))))
                .build();
    }

    TaskFailed failed(String task, String agent, String reason) {
        return TaskFailed.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attemptOf(task))
                .setAgentId(agent)
                .setReason(reason)
                .setRetriable(true)
                .setLeaseId(leaseOf(task))
                .build();
    }

    TaskCompleted reviewed(int sprint, Defect... defects) {
        String task = "R" + sprint;
        return TaskCompleted.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setAttempt(attemptOf(task))
                .setAgentId("qa-1")
                .setLeaseId(leaseOf(task))
                .setReview(ReviewResult.newBuilder()
                        .setPassed(defects.length == 0)
                        .addAllDefects(List.of(defects))
                        .setReport(TestReport.newBuilder()
                                .setCommand("pytest")
                                .setPassed(defects.length == 0)
                                .setTestsRun(4)
                                .setTestsFailed(defects.length)
                                .setOutputTail("4 passed")))
                .build();
    }

    static LlmCallCompleted call(String id, String task, String tier, String model, long in, long out, long cost) {
        return LlmCallCompleted.newBuilder()
                .setCallId(id)
                .setProjectId(PROJECT)
                .setTaskId(task)
                .setRole("backend")
                .setTier(tier)
                .setRequestedTier(tier)
                .setProvider("openai-compatible")
                .setModel(model)
                .setInputTokens(in)
                .setOutputTokens(out)
                .setCostMicros(cost)
                .setLatencyMs(120)
                .setScore(0.25)
                .setDecisionReason("score 0.25 below 0.5: local tier")
                .build();
    }

    static ProjectStopped stoppedBy(String who) {
        return ProjectStopped.newBuilder()
                .setProjectId(PROJECT)
                .setCause(StopCause.STOP_CAUSE_USER)
                .setReason("stopped by " + who)
                .setStoppedBy(who)
                .build();
    }
}
