package dev.aios.orchestrator.planning;

import dev.aios.events.v1.TaskSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The planner's view of one task, rebuilt from the project's events. */
public final class TaskState {
    final TaskSpec spec;
    TaskStatus status = TaskStatus.PENDING;
    int sprint;
    int attempt;
    @Nullable String leaseId;
    @Nullable String agentId;
    String summary = "";
    List<String> paths = List.of();

    TaskState(TaskSpec spec) {
        this.spec = spec;
    }

    public TaskSpec spec() {
        return spec;
    }

    public TaskStatus status() {
        return status;
    }

    public int sprint() {
        return sprint;
    }

    public int attempt() {
        return attempt;
    }

    public @Nullable String agentId() {
        return agentId;
    }

    public @Nullable String leaseId() {
        return leaseId;
    }
}
