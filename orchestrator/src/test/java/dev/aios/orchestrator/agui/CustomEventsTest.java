package dev.aios.orchestrator.agui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.orchestrator.agui.AguiEvent.Custom;
import org.junit.jupiter.api.Test;

class CustomEventsTest {

    @Test
    void anApprovalRequestIsACustomEventSayingWhatWaitsAndWhyWithoutTheWaitingChangesContents() {
        // given a risky change that waits, with the agent's whole result in it
        ApprovalRequested requested = ApprovalRequested.newBuilder()
                .setProjectId("p")
                .setItemId("change-C-1")
                .setKind(ApprovalKind.APPROVAL_KIND_RISKY_CHANGE)
                .addWhat("Dockerfile")
                .addWhy("touches deployment files: Dockerfile")
                .setTaskId("C")
                .setChange(TaskCompleted.newBuilder().setTaskId("C").setAgentId("devops-1"))
                .build();
        // when
        Custom custom = CustomEvents.of(requested, 7).orElseThrow();
        // then
        assertThat(custom.name()).isEqualTo("aios.approval_requested");
        assertThat(custom.value().path("itemId").asString()).isEqualTo("change-C-1");
        assertThat(custom.value().path("what").get(0).asString()).isEqualTo("Dockerfile");
        assertThat(custom.value().path("why").get(0).asString()).contains("deployment files");
        assertThat(custom.value().has("change")).isFalse();
    }

    @Test
    void aGrantAndARejectionAreTheSameCustomEventWithTheirDecisionWhoAndTheFeedback() {
        // when
        Custom granted = CustomEvents.of(
                        ApprovalGranted.newBuilder()
                                .setItemId("backlog-1")
                                .setGrantedBy("alice")
                                .build(),
                        8)
                .orElseThrow();
        Custom rejected = CustomEvents.of(
                        ApprovalRejected.newBuilder()
                                .setItemId("backlog-1")
                                .setRejectedBy("bob")
                                .setFeedback("split task A")
                                .build(),
                        9)
                .orElseThrow();
        // then
        assertThat(granted.name()).isEqualTo("aios.approval_decided");
        assertThat(granted.value().path("decision").asString()).isEqualTo("granted");
        assertThat(granted.value().path("grantedBy").asString()).isEqualTo("alice");
        assertThat(rejected.name()).isEqualTo("aios.approval_decided");
        assertThat(rejected.value().path("decision").asString()).isEqualTo("rejected");
        assertThat(rejected.value().path("feedback").asString()).isEqualTo("split task A");
    }
}
