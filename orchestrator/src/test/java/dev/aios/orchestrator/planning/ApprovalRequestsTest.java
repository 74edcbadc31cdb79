package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.ApprovalsFixture.*;
import static dev.aios.orchestrator.planning.PlannerFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.ApprovalTimeoutAction;
import dev.aios.events.v1.BacklogAccepted;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import dev.aios.events.v1.SprintPlanned;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Where a project asks, the backlog, a sprint's plan and a risky changeset wait as ApprovalRequested (ADR 0014). */
class ApprovalRequestsTest {
    private static final BacklogProposed BACKLOG =
            backlog(1, task("A", AgentRole.AGENT_ROLE_BACKEND, 2), task("B", AgentRole.AGENT_ROLE_FRONTEND, 1, "A"));

    @Nested
    class Backlog {
        @Test
        void whenAValidBacklogIsProposedThenItWaitsForAPersonInsteadOfBeingAccepted() {
            // given
            var fixture = withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_BACKLOG));
            // when
            Decision d = fixture.when(BACKLOG);
            // then
            assertThat(types(d)).containsExactly(BacklogProposed.class, ApprovalRequested.class);
            ApprovalRequested request = requests(d).getFirst();
            assertThat(request.getItemId()).isEqualTo("backlog-1");
            assertThat(request.getKind()).isEqualTo(ApprovalKind.APPROVAL_KIND_BACKLOG);
            assertThat(request.getWhatList())
                    .containsExactly("A (backend, 2 points): task A", "B (frontend, 1 points, after A): task B");
            assertThat(request.hasDeadline()).isFalse();
            assertThat(d.state().status()).isEqualTo(ProjectStatus.AWAITING_APPROVAL);
            assertThat(d.state().waitingApproval("backlog-1")).isPresent();
        }

        @Test
        void whenTheSameBacklogArrivesAgainWhileItWaitsThenNothingHappens() {
            // given
            var fixture =
                    withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_BACKLOG), BACKLOG);
            // when
            Decision d = fixture.when(BACKLOG);
            // then
            assertThat(d.isEmpty()).isTrue();
        }

        @Test
        void whenAProjectHasATimeoutThenTheRequestCarriesItsDeadlineAndDefault() {
            // given
            var fixture = withCapacity(10)
                    .givenHandled(submittedWaitingWithTimeout(
                            30,
                            ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_REJECT,
                            ApprovalKind.APPROVAL_KIND_BACKLOG));
            // when
            ApprovalRequested request = requests(fixture.when(BACKLOG)).getFirst();
            // then
            assertThat(request.getDeadline().getSeconds())
                    .isEqualTo(NOW.plus(Duration.ofMinutes(30)).getEpochSecond());
            assertThat(request.getOnTimeout()).isEqualTo(ApprovalTimeoutAction.APPROVAL_TIMEOUT_ACTION_REJECT);
        }

        @Test
        void whenAProjectAsksForNothingThenTheBacklogIsAcceptedAsBefore() {
            // given
            var fixture = withCapacity(10).givenHandled(submitted(1_000_000));
            // when
            Decision d = fixture.when(BACKLOG);
            // then
            assertThat(types(d))
                    .containsExactly(
                            BacklogProposed.class, BacklogAccepted.class, SprintPlanned.class, TaskAssigned.class);
        }
    }

    @Nested
    class Sprint {
        @Test
        void whenTheBacklogIsAcceptedThenTheFirstSprintsPlanWaitsWithItsTasks() {
            // given
            var fixture = withCapacity(2).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_SPRINT));
            // when
            Decision d = fixture.when(BACKLOG);
            // then
            assertThat(types(d)).containsExactly(BacklogProposed.class, BacklogAccepted.class, ApprovalRequested.class);
            ApprovalRequested request = requests(d).getFirst();
            assertThat(request.getItemId()).isEqualTo("sprint-1-1");
            assertThat(request.getSprintTaskIdsList()).containsExactly("A");
            assertThat(d.state().status()).isEqualTo(ProjectStatus.AWAITING_APPROVAL);
        }
    }

    @Nested
    class RiskyChange {
        private final PlannerFixture fixture =
                withCapacity(10).givenHandled(submittedWaitingFor(ApprovalKind.APPROVAL_KIND_RISKY_CHANGE), BACKLOG);

        @Test
        void whenAChangesetTouchesCiThenItWaitsUnappliedAndItsTaskWaitsToo() {
            // given
            TaskCompleted risky = completed("A", 1, "src/app.py", ".github/workflows/ci.yml");
            // when
            Decision d = fixture.when(risky);
            // then
            assertThat(types(d)).containsExactly(ApprovalRequested.class);
            ApprovalRequested request = requests(d).getFirst();
            assertThat(request.getItemId()).isEqualTo("change-A-1");
            assertThat(request.getTaskId()).isEqualTo("A");
            assertThat(request.getChange()).isEqualTo(risky);
            assertThat(request.getWhyList()).containsExactly("writes .github/workflows/ci.yml (matches .github/)");
            assertThat(request.getWhatList())
                    .containsExactly("write src/app.py (1 bytes)", "write .github/workflows/ci.yml (1 bytes)");
            assertThat(d.state().tasks().get("A").status()).isEqualTo(TaskStatus.AWAITING_APPROVAL);
            assertThat(d.state().tasksCompleted()).isZero();
        }

        @Test
        void whenAChangesetDeletesAFileThenItWaits() {
            // given
            TaskCompleted deleting = completed("A", 1, "src/app.py").toBuilder()
                    .setChangeset(completed("A", 1, "src/app.py").getChangeset().toBuilder()
                            .addDeletes(FileDelete.newBuilder().setPath("old.py")))
                    .build();
            // when
            Decision d = fixture.when(deleting);
            // then
            assertThat(requests(d).getFirst().getWhyList()).containsExactly("deletes old.py");
        }

        @Test
        void whenAnOrdinaryChangesetArrivesThenItIsAppliedAsBefore() {
            // when
            Decision d = fixture.when(completed("A", 1, "src/app.py"));
            // then
            assertThat(types(d)).startsWith(TaskCompleted.class).doesNotContain(ApprovalRequested.class);
        }

        @Test
        void whenTheLeaseOfAWaitingTaskExpiresThenNothingHappens() {
            // given
            fixture.givenHandled(completed("A", 1, "Dockerfile"));
            // when
            Decision d = fixture.when(leaseExpired("A", 1));
            // then
            assertThat(d.isEmpty()).isTrue();
        }
    }

    @Nested
    class RiskyChangesPolicy {
        private final RiskyChanges policy = new RiskyChanges(RiskyChanges.DEFAULT_PATTERNS, 2, 10);

        @Test
        void dockerAndDeploymentFilesAnywhereAreRisky() {
            assertThat(policy.reasons(changeset("Dockerfile.prod"))).hasSize(1);
            assertThat(policy.reasons(changeset("services/api/docker-compose.yml")))
                    .hasSize(1);
            assertThat(policy.reasons(changeset("charts/helm/values.yaml"))).hasSize(1);
            assertThat(policy.reasons(changeset("k8s/deployment.yaml"))).hasSize(1);
        }

        @Test
        void ordinarySourceFilesAreNot() {
            assertThat(policy.reasons(changeset("src/deployer.py"))).isEmpty();
            assertThat(policy.reasons(changeset("docs/helm.md"))).isEmpty();
        }

        @Test
        void tooManyFilesOrBytesAreRisky() {
            assertThat(policy.reasons(changeset("a.py", "b.py", "c.py")))
                    .containsExactly("changes 3 files (more than 2)");
            var big = dev.aios.events.v1.Changeset.newBuilder()
                    .addWrites(
                            FileWrite.newBuilder().setPath("a.py").setContent(ByteString.copyFromUtf8("0123456789ab")))
                    .build();
            assertThat(policy.reasons(big)).containsExactly("writes 12 bytes (more than 10)");
        }

        private static dev.aios.events.v1.Changeset changeset(String... paths) {
            return completed("A", 1, paths).getChangeset();
        }
    }
}
