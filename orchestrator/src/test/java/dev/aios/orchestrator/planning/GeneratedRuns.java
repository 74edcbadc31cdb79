package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.PlannerFixture.PROJECT;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Whole project runs with scripted agents that answer at random but repeatably (one seed, one run): valid and invalid
 * backlogs, failures of every kind, lost results and expired leases, refused changesets, defects, budget pauses and
 * raises, user stops, and messages arriving in any order or twice. What each run feeds the planner is the stream of
 * messages an orchestrator would see.
 */
final class GeneratedRuns {
    private static final List<AgentRole> ROLES = List.of(
            AgentRole.AGENT_ROLE_BACKEND,
            AgentRole.AGENT_ROLE_FRONTEND,
            AgentRole.AGENT_ROLE_QA,
            AgentRole.AGENT_ROLE_DEVOPS);

    private final Random random;
    private final List<Message> inbox = new ArrayList<>();
    private int calls;

    GeneratedRuns(long seed) {
        this.random = new Random(seed);
        inbox.add(ProjectSubmitted.newBuilder()
                .setProjectId(PROJECT)
                .setName("run " + seed)
                .setBrief("a generated project")
                .setTenant(random.nextBoolean() ? "acme" : "")
                .setBudgetMicros(200 + random.nextInt(2_000))
                .setOptions(ProjectOptions.newBuilder()
                        .setSprintCapacityPoints(random.nextInt(12))
                        .setSprintLimit(random.nextInt(8))
                        .setMaxReplans(random.nextInt(3)))
                .build());
    }

    /** The next message to arrive, any of those waiting; null once nothing waits. */
    Message next() {
        if (inbox.isEmpty()) {
            return null;
        }
        if (random.nextInt(100) == 0) {
            inbox.add(ProjectStopped.newBuilder()
                    .setProjectId(PROJECT)
                    .setCause(StopCause.STOP_CAUSE_USER)
                    .setReason("enough")
                    .build());
        }
        if (random.nextInt(60) == 0) {
            inbox.add(BudgetChanged.newBuilder()
                    .setProjectId(PROJECT)
                    .setBudgetMicros(random.nextInt(3_000))
                    .build());
        }
        Message m = inbox.remove(random.nextInt(inbox.size()));
        if (random.nextInt(25) == 0) {
            inbox.add(m); // delivered twice
        }
        return m;
    }

    /** What the agents and the user answer to what the planner emitted. */
    void answer(Decision.Output out) {
        switch (out.event()) {
            case PlanProject p -> answerPlan(p);
            case TaskAssigned a -> answerTask(a);
            case ProjectPaused p -> {
                if (random.nextInt(4) != 0) {
                    inbox.add(BudgetChanged.newBuilder()
                            .setProjectId(PROJECT)
                            .setBudgetMicros(p.getBudgetMicros() + 1 + random.nextInt(1_000))
                            .build());
                }
            }
            default -> {}
        }
    }

    private void answerPlan(PlanProject p) {
        int roll = random.nextInt(100);
        if (roll < 10) {
            inbox.add(TaskFailed.newBuilder()
                    .setProjectId(PROJECT)
                    .setTaskId(ProjectState.PLAN_TASK_ID)
                    .setAttempt(p.getAttempt())
                    .setReason("no plan")
                    .setRetriable(true)
                    .setFatalToProject(roll == 0)
                    .setBudgetExhausted(roll == 1 || roll == 2)
                    .build());
            return;
        }
        var backlog = BacklogProposed.newBuilder()
                .setProjectId(PROJECT)
                .setAttempt(p.getAttempt())
                .setArchitectureNotes("notes " + p.getAttempt());
        int n = roll < 15 ? 0 : 2 + random.nextInt(10);
        for (int i = 1; i <= n; i++) {
            var spec = TaskSpec.newBuilder()
                    .setTaskId("T" + i)
                    .setRole(ROLES.get(random.nextInt(ROLES.size())))
                    .setTitle("task " + i)
                    .setDescription("do " + i)
                    .setEstimatePoints(1 + random.nextInt(5))
                    .setKind(TaskKind.TASK_KIND_CODE);
            for (int d = 1; d < i; d++) {
                if (random.nextInt(4) == 0) {
                    spec.addDependsOn("T" + d);
                }
            }
            if (roll < 20 && i == n && n > 1) {
                spec.addDependsOn("T" + n); // a cycle: rejected
            }
            backlog.addTasks(spec);
        }
        inbox.add(backlog.build());
    }

    private void answerTask(TaskAssigned a) {
        String agent = a.getTask().getRole().name().toLowerCase() + "-" + random.nextInt(3);
        if (random.nextInt(5) != 0) {
            inbox.add(TaskStarted.newBuilder()
                    .setProjectId(PROJECT)
                    .setTaskId(a.getTaskId())
                    .setAttempt(a.getAttempt())
                    .setAgentId(agent)
                    .setLeaseId(a.getLeaseId())
                    .build());
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            inbox.add(LlmCallCompleted.newBuilder()
                    .setCallId("c" + ++calls)
                    .setProjectId(PROJECT)
                    .setTaskId(a.getTaskId())
                    .setCostMicros(random.nextInt(40))
                    .build());
        }
        int roll = random.nextInt(100);
        var failed = TaskFailed.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(a.getTaskId())
                .setAttempt(a.getAttempt())
                .setAgentId(agent)
                .setRole(a.getTask().getRole())
                .setReason("failure " + roll)
                .setLeaseId(a.getLeaseId());
        if (roll < 60) {
            inbox.add(completed(a, agent, roll < 4 ? "../outside" : "src/f" + random.nextInt(6) + ".txt"));
        } else if (roll < 75) {
            inbox.add(failed.setRetriable(true).build());
        } else if (roll < 80) {
            inbox.add(failed.setRetriable(false).build());
        } else if (roll < 82) {
            inbox.add(failed.setFatalToProject(true).build());
        } else if (roll < 85) {
            inbox.add(failed.setBudgetExhausted(true).build());
        } else if (roll < 95) {
            inbox.add(TaskLeaseExpired.newBuilder()
                    .setProjectId(PROJECT)
                    .setTaskId(a.getTaskId())
                    .setAttempt(a.getAttempt())
                    .setLeaseId(a.getLeaseId())
                    .build());
        } else {
            // a result and then the sweeper: whichever comes second is fenced off
            inbox.add(completed(a, agent, "src/late.txt"));
            inbox.add(TaskLeaseExpired.newBuilder()
                    .setProjectId(PROJECT)
                    .setTaskId(a.getTaskId())
                    .setAttempt(a.getAttempt())
                    .setLeaseId(a.getLeaseId())
                    .build());
        }
    }

    private TaskCompleted completed(TaskAssigned a, String agent, String path) {
        var done = TaskCompleted.newBuilder()
                .setProjectId(PROJECT)
                .setTaskId(a.getTaskId())
                .setAttempt(a.getAttempt())
                .setAgentId(agent)
                .setRole(a.getTask().getRole())
                .setSummary("did " + a.getTaskId())
                .setLeaseId(a.getLeaseId())
                .setChangeset(Changeset.newBuilder()
                        .addWrites(FileWrite.newBuilder().setPath(path).setContent(ByteString.copyFromUtf8(path))));
        if (a.getTask().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
            var review = ReviewResult.newBuilder()
                    .setReport(TestReport.newBuilder().setCommand("test").setOutputTail("report of " + a.getTaskId()));
            for (int i = random.nextInt(4) - 1; i > 0; i--) {
                review.addDefects(Defect.newBuilder()
                        .setTitle(random.nextBoolean() ? "" : "defect " + i)
                        .setDescription("broken " + i)
                        .setRole(
                                random.nextBoolean()
                                        ? AgentRole.AGENT_ROLE_CTO
                                        : ROLES.get(random.nextInt(ROLES.size())))
                        .setFailingOutput(random.nextBoolean() ? "" : "expected 1"));
            }
            done.setReview(review.setPassed(review.getDefectsCount() == 0));
        }
        return done.build();
    }
}
