package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.ApprovalsFixture.*;
import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.BacklogRejected;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.events.v1.SprintPlanned;
import dev.aios.events.v1.TaskAssigned;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WhenApprovalRejectedThenSendBackTest {
    private static final BacklogProposed BACKLOG =
            backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 2), task("B", AgentRole.AGENT_ROLE_FRONTEND, 1, "A"));

    @Nested
    class AWaitingBacklog {
        private final PlannerFixture fixture =
                withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_BACKLOG), BACKLOG);

        @Test
        void whenRejectedThenTheCtoIsAskedToPlanAgainWithTheFeedbackAmongTheReasons() {
            // when
            Decision d = fixture.when(reject("backlog-1", "use PostgreSQL, not SQLite"));
            // then
            assertThat(types(d)).containsExactly(ApprovalRejected.class, BacklogRejected.class, PlanProject.class);
            PlanProject plan = (PlanProject) d.events().get(2);
            assertThat(plan.getAttempt()).isEqualTo(2);
            assertThat(plan.getPreviousRejectionReasonsList())
                    .containsExactly("a person rejected the backlog: bob rejected it: use PostgreSQL, not SQLite");
            assertThat(d.outputs().get(2).commandTo()).isEqualTo(AgentRole.AGENT_ROLE_CTO);
            assertThat(d.state().status()).isEqualTo(ProjectStatus.PLANNING);
            assertThat(d.state().approvals().get("backlog-1").feedback()).isEqualTo("use PostgreSQL, not SQLite");
        }

        @Test
        void whenTheNewBacklogArrivesThenItWaitsAgainUnderItsOwnItem() {
            // given
            fixture.givenHandled(reject("backlog-1", "smaller tasks"));
            // when
            Decision d = fixture.when(backlog(2, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)));
            // then
            assertThat(requests(d)).extracting(ApprovalRequested::getItemId).containsExactly("backlog-2");
        }

        @Test
        void whenTheLastReplanIsRejectedThenTheProjectStops() {
            // given two rejected re-plans already
            fixture.givenHandled(
                    reject("backlog-1", "no"),
                    backlog(2, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)),
                    reject("backlog-2", "no"),
                    backlog(3, task("A", AgentRole.AGENT_ROLE_BACKEND, 1)));
            // when
            Decision d = fixture.when(reject("backlog-3", "still no"));
            // then
            assertThat(types(d)).containsExactly(ApprovalRejected.class, BacklogRejected.class, ProjectStopped.class);
            assertThat(((BacklogRejected) d.events().get(1)).getFinal()).isTrue();
        }

        @Test
        void whenRejectedAfterAGrantThenNothingHappens() {
            // given
            fixture.givenHandled(grant("backlog-1"));
            // when
            Decision d = fixture.when(reject("backlog-1", "too late"));
            // then
            assertThat(d.isEmpty()).isTrue();
        }
    }

    @Nested
    class AWaitingSprint {
        @Test
        void whenRejectedThenTheSprintWaitsAgainAndItsTasksCarryTheFeedbackWhenSent() {
            // given
            var fixture = withCapacity(2).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_SPRINT), BACKLOG);
            // when
            Decision d = fixture.when(reject("sprint-1-1", "write the tests first"));
            fixture.givenHandled(reject("sprint-1-1", "write the tests first"));
            Decision granted = fixture.when(grant("sprint-1-2"));
            // then
            assertThat(types(d)).containsExactly(ApprovalRejected.class, ApprovalRequested.class);
            assertThat(requests(d).getFirst().getItemId()).isEqualTo("sprint-1-2");
            assertThat(requests(d).getFirst().getSprintTaskIdsList()).containsExactly("A");
            assertThat(d.state().status()).isEqualTo(ProjectStatus.AWAITING_APPROVAL);
            TaskAssigned sent = (TaskAssigned) granted.events().stream()
                    .filter(TaskAssigned.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertThat(sent.getContext().getReviewerFeedback()).isEqualTo("write the tests first");
        }

        private final BacklogProposed threeTasks = backlog(
                1,
                task("A", AgentRole.AGENT_ROLE_BACKEND, 1),
                task("B", AgentRole.AGENT_ROLE_FRONTEND, 1, "A"),
                task("C", AgentRole.AGENT_ROLE_QA, 1));

        @Test
        void whenRejectedLeavingATaskOutThenTheNewPlanHoldsNeitherItNorWhatDependsOnIt() {
            // given a sprint plan of A, B (after A) and C
            var fixture =
                    withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_SPRINT), threeTasks);
            assertThat(fixture.state().approvals().get("sprint-1-1").request().getSprintTaskIdsList())
                    .containsExactly("A", "B", "C");
            ApprovalRejected leaveOutA = reject("sprint-1-1", "the API first needs a design review").toBuilder()
                    .addDeferTaskIds("A")
                    .build();
            // when
            Decision d = fixture.when(leaveOutA);
            fixture.givenHandled(leaveOutA);
            Decision granted = fixture.when(grant("sprint-1-2"));
            // then the new plan is C alone, and says what was left out
            ApprovalRequested again = requests(d).getFirst();
            assertThat(again.getItemId()).isEqualTo("sprint-1-2");
            assertThat(again.getSprintTaskIdsList()).containsExactly("C");
            assertThat(again.getWhyList()).anyMatch(why -> why.contains("left out for a later sprint: A, B"));
            // and once granted, sprint 1 is C; A and B wait in the backlog
            SprintPlanned planned = (SprintPlanned) granted.events().stream()
                    .filter(SprintPlanned.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertThat(planned.getTaskIdsList()).containsExactly("C");
            assertThat(granted.state().task("A").orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
        }

        @Test
        void aDeferralThatIsNotOfThePlanOrLeavesNothingIsRefusedWithTheReason() {
            // given
            var fixture =
                    withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_SPRINT), threeTasks);
            ProjectState state = fixture.state();
            Approval plan = state.approvals().get("sprint-1-1");
            // then
            assertThat(SprintDeferral.remaining(state, plan, List.of())).containsExactly("A", "B", "C");
            assertThat(SprintDeferral.remaining(state, plan, List.of("B"))).containsExactly("A", "C");
            assertThatThrownBy(() -> SprintDeferral.remaining(state, plan, List.of("Z")))
                    .hasMessage("task Z is not in the plan of sprint-1-1 (A, B, C)");
            assertThatThrownBy(() -> SprintDeferral.remaining(state, plan, List.of("A", "C")))
                    .hasMessageStartingWith("leaving out A, C leaves nothing in the plan of sprint-1-1");
        }

        @Test
        void onlyASprintsPlanCanLeaveTasksOut() {
            var fixture =
                    withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_BACKLOG), threeTasks);
            ProjectState state = fixture.state();
            assertThatThrownBy(() ->
                            SprintDeferral.remaining(state, state.approvals().get("backlog-1"), List.of("A")))
                    .hasMessage("only a sprint's plan can leave tasks out; backlog-1 is not one");
        }
    }

    @Nested
    class AWaitingRiskyChange {
        @Test
        void whenRejectedThenTheTaskIsAssignedAgainWithTheFeedbackInItsContext() {
            // given
            var fixture = withCapacity(10)
                    .givenHandled(
                            submittedWaitingFor(ApprovalKind.APPROVAL_KIND_RISKY_CHANGE),
                            BACKLOG,
                            completed("A", 1, ".github/workflows/deploy.yml"));
            // when
            Decision d = fixture.when(reject("change-A-1", "do not deploy from CI yet"));
            // then
            assertThat(types(d)).containsExactly(ApprovalRejected.class, TaskAssigned.class);
            TaskAssigned again = (TaskAssigned) d.events().get(1);
            assertThat(again.getTaskId()).isEqualTo("A");
            assertThat(again.getAttempt()).isEqualTo(2);
            assertThat(again.getContext().getReviewerFeedback()).isEqualTo("do not deploy from CI yet");
            assertThat(d.state().tasks().get("A").status()).isEqualTo(TaskStatus.ASSIGNED);
            assertThat(d.state().tasksCompleted()).isZero();
        }

        @Test
        void whenTheNewChangesetIsOrdinaryThenItIsApplied() {
            // given
            var fixture = withCapacity(10)
                    .givenHandled(
                            submittedWaitingFor(ApprovalKind.APPROVAL_KIND_RISKY_CHANGE),
                            BACKLOG,
                            completed("A", 1, ".github/workflows/deploy.yml"),
                            reject("change-A-1", "no CI"));
            // when
            Decision d = fixture.when(completed("A", 2, "src/app.py"));
            // then
            assertThat(d.events().getFirst()).isInstanceOf(dev.aios.events.v1.TaskCompleted.class);
            assertThat(d.state().tasks().get("A").status()).isEqualTo(TaskStatus.DONE);
        }
    }
}
