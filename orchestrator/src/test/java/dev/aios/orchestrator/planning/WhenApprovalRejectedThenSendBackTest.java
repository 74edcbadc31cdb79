package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.ApprovalsFixture.*;
import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.BacklogRejected;
import dev.aios.events.v1.PlanProject;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.events.v1.TaskAssigned;
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
