package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.ApprovalsFixture.*;
import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalTimeoutAction;
import dev.aios.events.v1.BacklogAccepted;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.SprintPlanned;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WhenApprovalGrantedThenProceedTest {
    private static final BacklogProposed BACKLOG =
            backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 2), task("B", AgentRole.AGENT_ROLE_FRONTEND, 1, "A"));

    @Nested
    class AWaitingBacklog {
        private final PlannerFixture fixture =
                withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_BACKLOG), BACKLOG);

        @Test
        void whenGrantedThenTheBacklogIsAcceptedAndTheFirstSprintRunsAsWithoutApprovals() {
            // given what the same project does without approvals
            Decision without =
                    withCapacity(10).givenHandled(submitted(1_000_000)).when(BACKLOG);
            // when
            Decision d = fixture.when(grant("backlog-1"));
            // then
            assertThat(types(d))
                    .containsExactly(
                            ApprovalGranted.class, BacklogAccepted.class, SprintPlanned.class, TaskAssigned.class);
            assertThat(d.events().subList(1, 4)).isEqualTo(without.events().subList(1, 4));
            assertThat(d.state().status()).isEqualTo(ProjectStatus.RUNNING);
            assertThat(d.state().approvals().get("backlog-1").status()).isEqualTo(Approval.Status.GRANTED);
            assertThat(d.state().approvals().get("backlog-1").decidedBy()).isEqualTo("alice");
        }

        @Test
        void whenGrantedThenNothingWaitsAnyMore() {
            // given
            assertThat(fixture.state().awaitingApprovals()).isEqualTo(1);
            // when
            Decision d = fixture.when(grant("backlog-1"));
            // then
            assertThat(d.state().awaitingApprovals()).isZero();
        }

        @Test
        void whenTheProjectWasStoppedThenNothingWaitsForAPerson() {
            // when
            Decision d = fixture.when(dev.aios.events.v1.ProjectStopped.newBuilder()
                    .setProjectId(PROJECT)
                    .setReason("no")
                    .build());
            // then: the item still shows as it waited, but nobody can decide it any more
            assertThat(d.state().approvals().get("backlog-1").waiting()).isTrue();
            assertThat(d.state().awaitingApprovals()).isZero();
        }

        @Test
        void whenGrantedTwiceThenTheSecondGrantDecidesNothing() {
            // given
            fixture.givenHandled(grant("backlog-1"));
            // when
            Decision d = fixture.when(
                    grant("backlog-1").toBuilder().setGrantedBy("carol").build());
            // then
            assertThat(d.isEmpty()).isTrue();
        }

        @Test
        void whenAnUnknownItemIsGrantedThenNothingHappens() {
            assertThat(fixture.when(grant("backlog-7")).isEmpty()).isTrue();
        }

        @Test
        void whenTheProjectWasStoppedThenAGrantDecidesNothing() {
            // given
            fixture.givenHandled(dev.aios.events.v1.ProjectStopped.newBuilder()
                    .setProjectId(PROJECT)
                    .setReason("no")
                    .build());
            // when
            Decision d = fixture.when(grant("backlog-1"));
            // then
            assertThat(d.isEmpty()).isTrue();
        }
    }

    @Nested
    class ATimeout {
        private final PlannerFixture fixture = withCapacity(10)
                .givenHandled(
                        submittedWaitingWithTimeout(
                                10,
                                ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_GRANT,
                                ApprovalKind.APPROVAL_KIND_BACKLOG),
                        BACKLOG);
        private final ApprovalGranted timedOut = grant("backlog-1").toBuilder()
                .setGrantedBy("orchestrator")
                .setTimedOut(true)
                .build();
        private final SprintPlanner planner = new SprintPlanner(PlannerSettings.defaults());

        @Test
        void whenTheDeadlineHasPassedThenTheDefaultGrantProceedsAndIsRecordedAsTimedOut() {
            // when
            Decision d = planner.decide(fixture.state(), timedOut, NOW.plus(Duration.ofMinutes(10)));
            // then
            assertThat(types(d)).startsWith(ApprovalGranted.class, BacklogAccepted.class);
            assertThat(d.state().approvals().get("backlog-1").status()).isEqualTo(Approval.Status.TIMED_OUT);
        }

        @Test
        void whenTheDeadlineHasNotPassedThenATimeoutDecidesNothing() {
            assertThat(planner.decide(fixture.state(), timedOut, NOW.plus(Duration.ofMinutes(9)))
                            .isEmpty())
                    .isTrue();
        }
    }

    @Nested
    class AWaitingSprint {
        @Test
        void whenGrantedThenTheSprintIsPlannedWithTheWaitingTasksAndTheyAreSent() {
            // given
            var fixture = withCapacity(2).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_SPRINT), BACKLOG);
            // when
            Decision d = fixture.when(grant("sprint-1-1"));
            // then
            assertThat(types(d)).containsExactly(ApprovalGranted.class, SprintPlanned.class, TaskAssigned.class);
            assertThat(((SprintPlanned) d.events().get(1)).getTaskIdsList()).containsExactly("A");
            assertThat(((SprintPlanned) d.events().get(1)).getPlannedPoints()).isEqualTo(2);
            assertThat(d.state().status()).isEqualTo(ProjectStatus.RUNNING);
        }
    }

    @Nested
    class AWaitingRiskyChange {
        @Test
        void whenGrantedThenTheChangeIsAppliedAsTheTaskResultAndTheNextTaskIsSent() {
            // given
            TaskCompleted risky = completed("A", 1, "Dockerfile");
            var fixture = withCapacity(10)
                    .givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_RISKY_CHANGE), BACKLOG, risky);
            // when
            Decision d = fixture.when(grant("change-A-1"));
            // then
            assertThat(types(d)).containsExactly(ApprovalGranted.class, TaskCompleted.class, TaskAssigned.class);
            assertThat(d.events().get(1)).isEqualTo(risky);
            assertThat(assignedTaskIds(d)).containsExactly("B");
            assertThat(d.state().tasks().get("A").status()).isEqualTo(TaskStatus.DONE);
            assertThat(d.state().tasksCompleted()).isEqualTo(1);
        }
    }
}
