package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import java.util.function.UnaryOperator;

/**
 * The fold behind {@link ProjectState#evolve} and {@link ProjectState#from}: a state's values copied into one mutable
 * draft, changed by events, then published as a new state. It exists only inside those two methods, so no state is
 * ever changed once seen, and a whole stream is folded with one draft rather than one copy per event.
 */
final class ProjectEvolution {
    String projectId;
    String name;
    String brief;
    String tenant;
    String submittedBy;
    ProjectOptions options;
    ProjectStatus status;
    ProjectStatus pausedFrom;
    long budgetMicros;
    long spentMicros;
    int planAttempt;
    String architectureNotes;
    BacklogProposed lastProposal;
    final TaskTable.Editor tasks;
    int currentSprint;
    boolean sprintOpen;
    int tasksCompleted;
    int tasksAbandoned;
    String stopReason;
    long version;

    ProjectEvolution(ProjectState s) {
        projectId = s.projectId();
        name = s.name();
        brief = s.brief();
        tenant = s.tenant();
        submittedBy = s.submittedBy();
        options = s.options();
        status = s.status();
        pausedFrom = s.pausedFrom();
        budgetMicros = s.budgetMicros();
        spentMicros = s.spentMicros();
        planAttempt = s.planAttempt();
        architectureNotes = s.architectureNotes();
        lastProposal = s.lastProposal();
        tasks = new TaskTable.Editor(s.taskTable());
        currentSprint = s.currentSprint();
        sprintOpen = s.sprintOpen();
        tasksCompleted = s.tasksCompleted();
        tasksAbandoned = s.tasksAbandoned();
        stopReason = s.stopReason();
        version = s.version();
    }

    ProjectState state() {
        return new ProjectState(this, tasks.table());
    }

    ProjectEvolution apply(Message event) {
        version++;
        switch (event) {
            case ProjectSubmitted e -> {
                projectId = e.getProjectId();
                name = e.getName();
                brief = e.getBrief();
                tenant = ProjectState.tenantOf(e);
                submittedBy = e.getSubmittedBy();
                budgetMicros = e.getBudgetMicros();
                options = e.getOptions();
                status = ProjectStatus.PLANNING;
            }
            case PlanProject e -> planAttempt = e.getAttempt();
            case BacklogProposed e -> lastProposal = e;
            case BacklogAccepted e -> {
                architectureNotes = lastProposal.getArchitectureNotes();
                lastProposal.getTasksList().forEach(t -> tasks.put(TaskState.pending(t)));
                status = ProjectStatus.RUNNING;
            }
            case SprintPlanned e -> {
                currentSprint = e.getSprintNumber();
                sprintOpen = true;
                e.getTaskIdsList().forEach(id -> tasks.put(known(id).inSprint(e.getSprintNumber())));
            }
            case TaskAssigned e -> {
                TaskState t = tasks.get(e.getTaskId());
                tasks.put((t == null ? TaskState.pending(e.getTask()) : t)
                        .assigned(e.getSprintNumber(), e.getAttempt(), e.getLeaseId()));
            }
            case TaskStarted e -> update(e.getTaskId(), t -> t.startedBy(e.getAgentId()));
            case TaskCompleted e -> {
                TaskState t = tasks.get(e.getTaskId());
                if (t != null) {
                    tasks.put(t.done(e.getAgentId(), e.getSummary(),
                            e.getChangeset().getWritesList().stream().map(FileWrite::getPath).toList()));
                    if (t.spec().getKind() != TaskKind.TASK_KIND_SPRINT_REVIEW) {
                        tasksCompleted++;
                    }
                }
            }
            case TaskFailed e -> update(e.getTaskId(), t -> t.withStatus(TaskStatus.PENDING));
            case TaskLeaseExpired e -> update(e.getTaskId(), t -> t.withStatus(TaskStatus.PENDING));
            case TaskAbandoned e -> {
                update(e.getTaskId(), t -> t.withStatus(TaskStatus.ABANDONED));
                tasksAbandoned++;
                e.getBlockedTaskIdsList().forEach(id -> update(id, t -> t.withStatus(TaskStatus.BLOCKED)));
            }
            case SprintReviewed e -> {
                for (int i = 0; i < e.getDefectsCount(); i++) {
                    tasks.put(TaskState.pending(DefectTasks.of(e.getSprintNumber(), i + 1, e.getDefects(i))));
                }
            }
            case SprintCompleted e -> sprintOpen = false;
            case LlmCallCompleted e -> spentMicros += e.getCostMicros();
            case BudgetChanged e -> budgetMicros = e.getBudgetMicros();
            case ProjectPaused e -> {
                pausedFrom = status;
                status = ProjectStatus.PAUSED;
            }
            case ProjectResumed e -> status = pausedFrom;
            case ProjectDelivered e -> status = ProjectStatus.DELIVERED;
            case ProjectStopped e -> {
                status = ProjectStatus.STOPPED;
                stopReason = e.getReason();
            }
            case ProjectFailed e -> {
                status = ProjectStatus.FAILED;
                stopReason = e.getReason();
            }
            default -> {
                // facts the planner does not need (BacklogRejected, progress) still count as versions
            }
        }
        return this;
    }

    private TaskState known(String id) {
        TaskState t = tasks.get(id);
        if (t == null) {
            throw new IllegalStateException("sprint planned with unknown task " + id);
        }
        return t;
    }

    private void update(String id, UnaryOperator<TaskState> change) {
        TaskState t = tasks.get(id);
        if (t != null) {
            tasks.put(change.apply(t));
        }
    }
}
