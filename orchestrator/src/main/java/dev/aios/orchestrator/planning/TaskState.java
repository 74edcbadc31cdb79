package dev.aios.orchestrator.planning;

import dev.aios.events.v1.TaskSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The planner's view of one task, rebuilt from the project's events; a new value for each change. */
public record TaskState(
        TaskSpec spec,
        TaskStatus status,
        int sprint,
        int attempt,
        @Nullable String leaseId,
        @Nullable String agentId,
        String summary,
        List<String> paths) {

    public TaskState {
        paths = List.copyOf(paths);
    }

    static TaskState pending(TaskSpec spec) {
        return new TaskState(spec, TaskStatus.PENDING, 0, 0, null, null, "", List.of());
    }

    TaskState withStatus(TaskStatus status) {
        return new TaskState(spec, status, sprint, attempt, leaseId, agentId, summary, paths);
    }

    TaskState inSprint(int sprint) {
        return new TaskState(spec, status, sprint, attempt, leaseId, agentId, summary, paths);
    }

    TaskState assigned(int sprint, int attempt, String leaseId) {
        return new TaskState(spec, TaskStatus.ASSIGNED, sprint, attempt, leaseId, agentId, summary, paths);
    }

    TaskState startedBy(String agentId) {
        return new TaskState(spec, status, sprint, attempt, leaseId, agentId, summary, paths);
    }

    TaskState done(String agentId, String summary, List<String> paths) {
        return new TaskState(spec, TaskStatus.DONE, sprint, attempt, leaseId, agentId, summary, paths);
    }
}
