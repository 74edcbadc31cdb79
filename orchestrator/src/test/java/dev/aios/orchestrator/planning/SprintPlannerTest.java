package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.*;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SprintPlannerTest {
    static final AgentRole BACKEND = AgentRole.AGENT_ROLE_BACKEND;
    static final AgentRole FRONTEND = AgentRole.AGENT_ROLE_FRONTEND;

    @Nested
    class Planning {
        @Test
        void submittedProjectAsksTheCtoForAPlan() {
            // given
            var fixture = withCapacity(10);
            // when
            Decision d = fixture.when(submitted(1_000));
            // then
            assertThat(types(d)).containsExactly(ProjectSubmitted.class, PlanProject.class);
            assertThat(d.outputs().get(1).commandTo()).isEqualTo(AgentRole.AGENT_ROLE_CTO);
            assertThat(((PlanProject) d.events().get(1)).getAttempt()).isEqualTo(1);
        }

        @Test
        void cyclicBacklogIsRejectedWithItsReasonAndReplanned() {
            // given
            var fixture = withCapacity(10).givenHandled(submitted(1_000));
            // when
            Decision d = fixture.when(backlog(1, task("A", BACKEND, 1, "B"), task("B", BACKEND, 1, "A")));
            // then
            assertThat(types(d)).containsExactly(BacklogProposed.class, BacklogRejected.class, PlanProject.class);
            BacklogRejected rejected = (BacklogRejected) d.events().get(1);
            assertThat(rejected.getReasonsList()).anyMatch(r -> r.startsWith("dependency cycle"));
            assertThat(rejected.getFinal()).isFalse();
            PlanProject replan = (PlanProject) d.events().get(2);
            assertThat(replan.getAttempt()).isEqualTo(2);
            assertThat(replan.getPreviousRejectionReasonsList()).isEqualTo(rejected.getReasonsList());
        }

        @Test
        void unknownRoleUnknownDependencyAndOversizedTaskAreAllReported() {
            // given
            var fixture = withCapacity(5).givenHandled(submitted(1_000));
            // when
            Decision d = fixture.when(backlog(
                    1,
                    task("A", AgentRole.AGENT_ROLE_UNSPECIFIED, 1),
                    task("B", BACKEND, 1, "Z"),
                    task("C", BACKEND, 9)));
            // then
            assertThat(((BacklogRejected) d.events().get(1)).getReasonsList())
                    .hasSize(3)
                    .anyMatch(r -> r.contains("role"))
                    .anyMatch(r -> r.contains("unknown task 'Z'"))
                    .anyMatch(r -> r.contains("estimate"));
        }

        @Test
        void stopsTheProjectAfterTheLastReplanIsRejected() {
            // given: two re-plans allowed, attempts 1 and 2 already rejected
            var fixture = withCapacity(10).givenHandled(submitted(1_000), backlog(1), backlog(2));
            // when
            Decision d = fixture.when(backlog(3));
            // then
            assertThat(types(d)).containsExactly(BacklogProposed.class, BacklogRejected.class, ProjectStopped.class);
            assertThat(((BacklogRejected) d.events().get(1)).getFinal()).isTrue();
            assertThat(((ProjectStopped) d.events().get(2)).getCause()).isEqualTo(StopCause.STOP_CAUSE_PLANNING_FAILED);
        }

        @Test
        void ignoresAStaleProposal() {
            // given
            var fixture = withCapacity(10).givenHandled(submitted(1_000), backlog(1));
            // when: attempt 1 arrives again although attempt 2 is being planned
            Decision d = fixture.when(backlog(1, task("A", BACKEND, 1)));
            // then
            assertThat(d.isEmpty()).isTrue();
        }

        @Test
        void planningFailureFromTheCtoTriggersAReplan() {
            // given
            var fixture = withCapacity(10).givenHandled(submitted(1_000));
            // when
            Decision d = fixture.when(TaskFailed.newBuilder()
                    .setProjectId(PROJECT)
                    .setTaskId("plan")
                    .setAttempt(1)
                    .setReason("model down")
                    .build());
            // then
            assertThat(types(d)).containsExactly(TaskFailed.class, PlanProject.class);
        }

        @Test
        void planningThatNoModelCanAnswerFailsTheProjectWithTheReasonInsteadOfReplanning() {
            // given
            var fixture = withCapacity(10).givenHandled(submitted(1_000));
            // when: the CTO's call was refused as not recorded (a replay without a recording of this brief)
            Decision d = fixture.when(TaskFailed.newBuilder()
                    .setProjectId(PROJECT)
                    .setTaskId("plan")
                    .setAttempt(1)
                    .setReason("model call failed (NOT_RECORDED): no recording is of this brief")
                    .setFatalToProject(true)
                    .build());
            // then
            assertThat(types(d)).containsExactly(TaskFailed.class, ProjectFailed.class);
            ProjectFailed failed = (ProjectFailed) d.events().get(1);
            assertThat(failed.getReason()).contains("no recording is of this brief");
            assertThat(failed.getTaskId()).isEqualTo("plan");
            assertThat(fixture.givenHandled(d.events().getFirst()).state().status())
                    .isEqualTo(ProjectStatus.FAILED);
        }

        @Test
        void aFailedProjectIgnoresWhatArrivesAfterwards() {
            // given
            var fixture = withCapacity(10)
                    .givenHandled(
                            submitted(1_000),
                            TaskFailed.newBuilder()
                                    .setProjectId(PROJECT)
                                    .setTaskId("plan")
                                    .setAttempt(1)
                                    .setReason("not recorded")
                                    .setFatalToProject(true)
                                    .build());
            // when
            Decision d = fixture.when(backlog(1, task("A", BACKEND, 1)));
            // then
            assertThat(d.isEmpty()).isTrue();
            assertThat(fixture.state().terminal()).isTrue();
        }
    }

    @Nested
    class SprintsAndDependencies {
        @Test
        void acceptedBacklogPlansASprintByCapacityInDependencyOrderAndDispatchesIndependentTasksInParallel() {
            // given
            var fixture = withCapacity(5).givenHandled(submitted(1_000));
            // when: A and B are independent, C needs both, D does not fit
            Decision d = fixture.when(backlog(
                    1,
                    task("A", BACKEND, 2),
                    task("B", FRONTEND, 2),
                    task("C", BACKEND, 1, "A", "B"),
                    task("D", BACKEND, 3)));
            // then
            SprintPlanned sprint = d.events().stream()
                    .filter(SprintPlanned.class::isInstance)
                    .map(SprintPlanned.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(sprint.getTaskIdsList()).containsExactly("A", "B", "C");
            assertThat(sprint.getPlannedPoints()).isEqualTo(5);
            assertThat(assignedTaskIds(d)).containsExactly("A", "B");
            assertThat(d.outputs().stream()
                            .filter(o -> o.event() instanceof TaskAssigned)
                            .map(Decision.Output::commandTo))
                    .containsExactly(BACKEND, FRONTEND);
        }

        @Test
        void completingTheLastDependencyDispatchesTheDependentWithItsOutputs() {
            // given
            var fixture = withCapacity(5)
                    .givenHandled(
                            submitted(1_000),
                            backlog(1, task("A", BACKEND, 2), task("B", FRONTEND, 2), task("C", BACKEND, 1, "A", "B")),
                            completed("A", 1, "src/A.java"));
            // when
            Decision d = fixture.when(completed("B", 1, "web/b.ts"));
            // then
            assertThat(assignedTaskIds(d)).containsExactly("C");
            TaskAssigned c = (TaskAssigned) d.events().get(1);
            assertThat(c.getContext().getDependencyOutputsList())
                    .extracting(DependencyOutput::getTaskId)
                    .containsExactly("A", "B");
            assertThat(c.getContext().getDependencyOutputs(0).getPathsList()).containsExactly("src/A.java");
        }

        @Test
        void settledSprintGoesToQaForReviewAndDefectsBecomeTasksOfTheNextSprint() {
            // given
            var fixture = withCapacity(5).givenHandled(submitted(1_000), backlog(1, task("A", BACKEND, 2)));
            Decision afterA = fixture.when(completed("A", 1, "a.txt"));
            assertThat(assignedTaskIds(afterA)).containsExactly("R1");
            fixture.givenHandled(completed("A", 1, "a.txt"));
            // when
            Decision d = fixture.when(reviewed(
                    1, Defect.newBuilder().setTitle("NPE").setRole(FRONTEND).build()));
            // then
            assertThat(types(d))
                    .containsExactly(
                            TaskCompleted.class,
                            SprintReviewed.class,
                            SprintCompleted.class,
                            SprintPlanned.class,
                            TaskAssigned.class);
            TaskAssigned fix = (TaskAssigned) d.events().get(4);
            assertThat(fix.getTaskId()).isEqualTo("D1-1");
            assertThat(fix.getTask().getKind()).isEqualTo(TaskKind.TASK_KIND_DEFECT_FIX);
            assertThat(fix.getSprintNumber()).isEqualTo(2);
            assertThat(d.outputs().get(4).commandTo()).isEqualTo(FRONTEND);
        }

        @Test
        void passingReviewOfTheLastSprintDeliversTheProject() {
            // given
            var fixture = withCapacity(5)
                    .givenHandled(submitted(1_000), backlog(1, task("A", BACKEND, 2)), completed("A", 1, "a.txt"));
            // when
            Decision d = fixture.when(reviewed(1));
            // then
            assertThat(types(d))
                    .containsExactly(
                            TaskCompleted.class, SprintReviewed.class, SprintCompleted.class, ProjectDelivered.class);
            assertThat(((ProjectDelivered) d.events().get(3)).getTasksCompleted())
                    .isEqualTo(1);
        }

        @Test
        void stopsAtTheSprintLimit() {
            // given: one sprint allowed, two tasks that do not fit together
            var fixture = new PlannerFixture(
                            new PlannerSettings(2, 1, 2, 3, 200, 200, 8000, java.time.Duration.ofMinutes(1)))
                    .givenHandled(
                            submitted(1_000),
                            backlog(1, task("A", BACKEND, 2), task("B", BACKEND, 2)),
                            completed("A", 1));
            // when
            Decision d = fixture.when(reviewed(1));
            // then
            assertThat(d.events().getLast())
                    .isInstanceOfSatisfying(
                            ProjectStopped.class,
                            s -> assertThat(s.getCause()).isEqualTo(StopCause.STOP_CAUSE_SPRINT_LIMIT));
        }
    }

    @Nested
    class ModelsThatCannotAnswer {
        @Test
        void aTaskWhoseCallsNoModelCanAnswerFailsTheProjectRatherThanRetryingOrAbandoning() {
            // given a running sprint with one task assigned
            var fixture = withCapacity(10)
                    .givenHandled(submitted(1_000), backlog(1, task("A", BACKEND, 1), task("B", BACKEND, 1, "A")));
            // when its call diverged from the recording being replayed
            Decision d = fixture.when(failed("A", 1, false).toBuilder()
                    .setFatalToProject(true)
                    .setReason("replay of x diverged at backend/A")
                    .build());
            // then
            assertThat(types(d)).containsExactly(TaskFailed.class, ProjectFailed.class);
            assertThat(((ProjectFailed) d.events().get(1)).getReason()).isEqualTo("replay of x diverged at backend/A");
            assertThat(assignedTaskIds(d)).isEmpty();
        }
    }

    @Nested
    class WhatATaskSees {
        @Test
        void itsDependencyClosureNearestFirstAndTheFilesOfEarlierSprints() {
            // given: sprint 1 did A; sprint 2 runs B after A and C after B, and D alongside
            var fixture = withCapacity(2)
                    .givenHandled(
                            submitted(1_000),
                            backlog(
                                    1,
                                    task("A", BACKEND, 2),
                                    task("B", BACKEND, 1, "A"),
                                    task("C", BACKEND, 1, "B"),
                                    task("D", FRONTEND, 1)),
                            completed("A", 1, "store.py"));
            fixture.givenHandled(reviewed(1));
            // when / then
            ProjectState state = fixture.state();
            assertThat(state.currentSprint()).isEqualTo(2);
            assertThat(state.dependencyClosure("C")).containsExactly("B", "A");
            assertThat(state.dependencyClosure("D")).isEmpty();
            assertThat(state.pathsOfEarlierSprints()).containsExactly("store.py");
        }
    }

    @Nested
    class LeasesAndAttempts {
        PlannerFixture running() {
            return withCapacity(10)
                    .givenHandled(
                            submitted(1_000),
                            backlog(1, task("A", BACKEND, 2), task("B", BACKEND, 2, "A"), task("C", BACKEND, 1, "B")));
        }

        @Test
        void expiredLeaseReassignsWithTheNextAttempt() {
            // when
            Decision d = running().when(leaseExpired("A", 1));
            // then
            assertThat(types(d)).containsExactly(TaskLeaseExpired.class, TaskAssigned.class);
            TaskAssigned again = (TaskAssigned) d.events().get(1);
            assertThat(again.getAttempt()).isEqualTo(2);
            assertThat(again.getLeaseId()).isEqualTo(lease("A", 2));
        }

        @Test
        void lateResultFromAnExpiredLeaseIsFencedOff() {
            // given
            var fixture = running().givenHandled(leaseExpired("A", 1));
            // when: the first agent answers after its lease expired
            Decision d = fixture.when(completed("A", 1, "a.txt"));
            // then
            assertThat(d.isEmpty()).isTrue();
        }

        @Test
        void abandonsAfterTheLastAttemptAndReportsTransitiveDependentsAsBlocked() {
            // given
            var fixture = running().givenHandled(failed("A", 1, true), leaseExpired("A", 2));
            // when
            Decision d = fixture.when(failed("A", 3, true));
            // then
            TaskAbandoned abandoned = (TaskAbandoned) d.events().get(1);
            assertThat(abandoned.getAttempts()).isEqualTo(3);
            assertThat(abandoned.getBlockedTaskIdsList()).containsExactly("B", "C");
            assertThat(assignedTaskIds(d)).containsExactly("R1");
        }

        @Test
        void nonRetriableFailureAbandonsAtOnce() {
            // when
            Decision d = running().when(failed("A", 1, false));
            // then
            assertThat(types(d)).startsWith(TaskFailed.class, TaskAbandoned.class);
        }

        @Test
        void changesetEscapingTheWorkspaceIsRecordedAsAFailureAndNeverApplied() {
            // when
            Decision d = running().when(completed("A", 1, "../etc/passwd"));
            // then
            assertThat(types(d)).containsExactly(TaskFailed.class, TaskAssigned.class);
            assertThat(((TaskFailed) d.events().get(0)).getReason()).contains("../etc/passwd");
        }
    }

    @Nested
    class Budget {
        @Test
        void spendingTheBudgetPausesDispatchAndRaisingItResumes() {
            // given
            var fixture = withCapacity(10)
                    .givenHandled(submitted(100), backlog(1, task("A", BACKEND, 1), task("B", BACKEND, 1, "A")));
            // when
            Decision paused = fixture.when(llmCall("c1", 100));
            fixture.givenHandled(llmCall("c1", 100));
            Decision noDispatch = fixture.when(completed("A", 1));
            fixture.givenHandled(completed("A", 1));
            Decision resumed = fixture.when(BudgetChanged.newBuilder()
                    .setProjectId(PROJECT)
                    .setBudgetMicros(500)
                    .build());
            // then
            assertThat(types(paused)).containsExactly(LlmCallCompleted.class, ProjectPaused.class);
            assertThat(assignedTaskIds(noDispatch)).isEmpty();
            assertThat(types(resumed)).containsExactly(BudgetChanged.class, ProjectResumed.class, TaskAssigned.class);
            assertThat(assignedTaskIds(resumed)).containsExactly("B");
        }

        @Test
        void everyTaskAndPlanCarriesTheProjectsBudgetForTheRoutersLedger() {
            // when
            Decision planned = withCapacity(10).when(submitted(100));
            Decision dispatched = withCapacity(10).givenHandled(submitted(100)).when(backlog(1, task("A", BACKEND, 1)));
            // then
            assertThat(planned.events())
                    .filteredOn(PlanProject.class::isInstance)
                    .singleElement()
                    .satisfies(
                            p -> assertThat(((PlanProject) p).getBudgetMicros()).isEqualTo(100));
            assertThat(dispatched.events())
                    .filteredOn(TaskAssigned.class::isInstance)
                    .singleElement()
                    .satisfies(t -> assertThat(((TaskAssigned) t).getContext().getBudgetMicros())
                            .isEqualTo(100));
        }

        @Test
        void whenTheRouterRefusesATaskForBudgetThenPauseAndSendItAgainOnceRaised() {
            // given: 40 of 100 charged, but the task's worst case did not fit next to what running calls hold
            var fixture =
                    withCapacity(10).givenHandled(submitted(100), backlog(1, task("A", BACKEND, 1)), llmCall("c1", 40));
            TaskFailed refused =
                    failed("A", 1, false).toBuilder().setBudgetExhausted(true).build();
            // when
            Decision paused = fixture.when(refused);
            fixture.givenHandled(refused);
            Decision resumed = fixture.when(BudgetChanged.newBuilder()
                    .setProjectId(PROJECT)
                    .setBudgetMicros(500)
                    .build());
            // then: paused, not abandoned; the task goes out again with the raised budget
            assertThat(types(paused)).containsExactly(TaskFailed.class, ProjectPaused.class);
            assertThat(((ProjectPaused) paused.events().get(1)).getReason())
                    .contains("refused a call of task A for budget");
            assertThat(types(resumed)).containsExactly(BudgetChanged.class, ProjectResumed.class, TaskAssigned.class);
            assertThat(((TaskAssigned) resumed.events().get(2)).getContext().getBudgetMicros())
                    .isEqualTo(500);
        }

        @Test
        void whenTheRouterRefusesThePlanForBudgetThenPauseAndPlanAgainOnceRaised() {
            // given
            var fixture = withCapacity(10).givenHandled(submitted(100));
            TaskFailed refused = TaskFailed.newBuilder()
                    .setProjectId(PROJECT)
                    .setTaskId(ProjectState.PLAN_TASK_ID)
                    .setAttempt(1)
                    .setReason("model call failed (BUDGET_EXHAUSTED)")
                    .setBudgetExhausted(true)
                    .build();
            // when
            Decision paused = fixture.when(refused);
            fixture.givenHandled(refused);
            Decision resumed = fixture.when(BudgetChanged.newBuilder()
                    .setProjectId(PROJECT)
                    .setBudgetMicros(500)
                    .build());
            // then
            assertThat(types(paused)).containsExactly(TaskFailed.class, ProjectPaused.class);
            assertThat(types(resumed)).containsExactly(BudgetChanged.class, ProjectResumed.class, PlanProject.class);
            assertThat(((PlanProject) resumed.events().get(2)).getBudgetMicros())
                    .isEqualTo(500);
            assertThat(fixture.givenHandled(BudgetChanged.newBuilder()
                                    .setProjectId(PROJECT)
                                    .setBudgetMicros(500)
                                    .build())
                            .state()
                            .status())
                    .isEqualTo(ProjectStatus.PLANNING);
        }

        @Test
        void userStopEndsTheProjectAndLaterResultsAreIgnored() {
            // given
            var fixture = withCapacity(10)
                    .givenHandled(
                            submitted(100),
                            backlog(1, task("A", BACKEND, 1)),
                            ProjectStopped.newBuilder()
                                    .setProjectId(PROJECT)
                                    .setCause(StopCause.STOP_CAUSE_USER)
                                    .build());
            // when
            Decision d = fixture.when(completed("A", 1));
            // then
            assertThat(fixture.state().status()).isEqualTo(ProjectStatus.STOPPED);
            assertThat(d.isEmpty()).isTrue();
        }
    }
}
