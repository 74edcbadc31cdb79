package dev.aios.orchestrator.planning;

import com.google.protobuf.Timestamp;
import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.ApprovalRequested;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What waits for a person (ADR 0014): the backlog, a sprint's plan or a risky changeset becomes an
 * {@code ApprovalRequested} instead of going on, with what waits, why, and the deadline the project's timeout gives.
 */
final class Approvals {
    private Approvals() {}

    static void requestBacklog(Emissions out, BacklogProposed proposal) {
        var request = request(out, ApprovalKind.APPROVAL_KIND_BACKLOG, "backlog-" + proposal.getAttempt())
                .addWhy("the project asks a person to approve the backlog before sprint 1");
        proposal.getTasksList().forEach(t -> request.addWhat(describe(t)));
        out.emit(request.build());
    }

    static void requestSprint(Emissions out, Collection<String> taskIds, List<String> why) {
        ProjectState state = out.state();
        int sprint = state.currentSprint() + 1;
        String prefix = "sprint-" + sprint + "-";
        long earlier = state.approvals().keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .count();
        var request = request(out, ApprovalKind.APPROVAL_KIND_SPRINT, prefix + (earlier + 1))
                .addWhy("the project asks a person to approve each sprint's plan")
                .addAllWhy(why)
                .addAllSprintTaskIds(taskIds);
        taskIds.forEach(id -> state.task(id).ifPresent(t -> request.addWhat(describe(t.spec()))));
        out.emit(request.build());
    }

    static void requestChange(Emissions out, TaskCompleted change, List<String> reasons) {
        var request = request(
                        out,
                        ApprovalKind.APPROVAL_KIND_RISKY_CHANGE,
                        "change-" + change.getTaskId() + "-" + change.getAttempt())
                .setTaskId(change.getTaskId())
                .addAllWhy(reasons)
                .setChange(change);
        for (FileWrite w : change.getChangeset().getWritesList()) {
            request.addWhat("write " + w.getPath() + " (" + w.getContent().size() + " bytes)");
        }
        for (FileDelete d : change.getChangeset().getDeletesList()) {
            request.addWhat("delete " + d.getPath());
        }
        out.emit(request.build());
    }

    private static ApprovalRequested.Builder request(Emissions out, ApprovalKind kind, String itemId) {
        ProjectState state = out.state();
        var request = ApprovalRequested.newBuilder()
                .setProjectId(state.projectId())
                .setItemId(itemId)
                .setKind(kind);
        int minutes = state.options().getApprovalTimeoutMinutes();
        if (minutes > 0) {
            Instant deadline = out.now().plusSeconds(60L * minutes);
            request.setDeadline(Timestamp.newBuilder()
                            .setSeconds(deadline.getEpochSecond())
                            .setNanos(deadline.getNano()))
                    .setOnTimeout(state.options().getApprovalTimeoutAction());
        }
        return request;
    }

    private static String describe(TaskSpec t) {
        String role = t.getRole().name().replace("AGENT_ROLE_", "").toLowerCase(java.util.Locale.ROOT);
        String deps = t.getDependsOnCount() == 0 ? "" : ", after " + String.join(", ", t.getDependsOnList());
        return t.getTaskId() + " (" + role + ", " + t.getEstimatePoints() + " points" + deps + "): " + t.getTitle();
    }
}
