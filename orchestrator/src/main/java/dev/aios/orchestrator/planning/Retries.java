package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ReviewResult;
import dev.aios.events.v1.TaskAbandoned;
import dev.aios.events.v1.TaskKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A task that came back without a result (it failed, its lease expired, its changeset was refused) is pending again:
 * it is sent anew while it has attempts left, else abandoned with every task that depends on it.
 */
final class Retries {
    private final PlannerSettings settings;
    private final Dispatch dispatch;
    private final Sprints sprints;

    Retries(PlannerSettings settings, Dispatch dispatch, Sprints sprints) {
        this.settings = settings;
        this.dispatch = dispatch;
        this.sprints = sprints;
    }

    /** {@code task} as it was sent out: its attempt is the one that came back. */
    void retryOrAbandon(Emissions out, TaskState task, String reason, boolean retriable) {
        if (retriable && task.attempt() < settings.maxTaskAttempts()) {
            dispatch.dispatchReady(out);
            return;
        }
        out.emit(TaskAbandoned.newBuilder()
                .setProjectId(out.state().projectId())
                .setTaskId(task.spec().getTaskId())
                .setAttempts(task.attempt())
                .setReason(reason)
                .addAllBlockedTaskIds(dependentsOf(out.state(), task.spec().getTaskId()))
                .build());
        if (task.spec().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
            sprints.close(out, ReviewResult.newBuilder().setPassed(false).build());
        } else {
            dispatch.dispatchReady(out);
        }
    }

    /** The unsettled tasks that depend on {@code taskId}, directly or through others. */
    private static List<String> dependentsOf(ProjectState state, String taskId) {
        Set<String> blocked = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TaskState t : state.backlog()) {
                String id = t.spec().getTaskId();
                if (blocked.contains(id) || t.status().settled()) {
                    continue;
                }
                for (String dep : t.spec().getDependsOnList()) {
                    if (dep.equals(taskId) || blocked.contains(dep)) {
                        blocked.add(id);
                        grew = true;
                        break;
                    }
                }
            }
        }
        return List.copyOf(blocked);
    }
}
