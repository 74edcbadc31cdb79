package dev.aios.orchestrator.planning;

import static dev.aios.orchestrator.planning.PlannerFixture.PROJECT;

import dev.aios.events.v1.ApprovalGranted;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalRejected;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.ApprovalTimeoutAction;
import dev.aios.events.v1.ProjectOptions;
import dev.aios.events.v1.ProjectSubmitted;
import java.util.List;

/** Projects that ask a person first, and people's decisions: the approval reactions' givens. */
final class ApprovalsFixture {
    private ApprovalsFixture() {}

    static ProjectSubmitted submittedWaitingFor(ApprovalKind... kinds) {
        return PlannerFixture.submitted(1_000_000).toBuilder()
                .setOptions(ProjectOptions.newBuilder().addAllApprovals(List.of(kinds)))
                .build();
    }

    static ProjectSubmitted submittedWaitingWithTimeout(
            int minutes, ApprovalTimeoutAction action, ApprovalKind... kinds) {
        return PlannerFixture.submitted(1_000_000).toBuilder()
                .setOptions(ProjectOptions.newBuilder()
                        .addAllApprovals(List.of(kinds))
                        .setApprovalTimeoutMinutes(minutes)
                        .setApprovalTimeoutAction(action))
                .build();
    }

    static ApprovalGranted grant(String item) {
        return ApprovalGranted.newBuilder()
                .setProjectId(PROJECT)
                .setItemId(item)
                .setGrantedBy("alice")
                .build();
    }

    static ApprovalRejected reject(String item, String feedback) {
        return ApprovalRejected.newBuilder()
                .setProjectId(PROJECT)
                .setItemId(item)
                .setRejectedBy("bob")
                .setFeedback(feedback)
                .build();
    }

    static List<ApprovalRequested> requests(Decision d) {
        return d.events().stream()
                .filter(ApprovalRequested.class::isInstance)
                .map(ApprovalRequested.class::cast)
                .toList();
    }
}
