package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

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
    Map<String, Approval> approvals;
    Map<String, String> feedback;

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
        approvals = s.approvals();
        feedback = s.feedbackByTask();
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
                    tasks.put(t.done(
                            e.getAgentId(),
                            e.getSummary(),
                            e.getChangeset().getWritesList().stream()
                                    .map(FileWrite::getPath)
                                    .toList()));
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
            case ApprovalRequested e -> {
                approvals = with(approvals, e.getItemId(), Approval.waiting(e));
                if (e.getKind() == ApprovalKind.APPROVAL_KIND_RISKY_CHANGE) {
                    update(e.getTaskId(), t -> t.withStatus(TaskStatus.AWAITING_APPROVAL));
                } else {
                    status = ProjectStatus.AWAITING_APPROVAL;
                }
            }
            case ApprovalGranted e -> {
                Approval a = decided(
                        e.getItemId(),
                        e.getTimedOut() ? Approval.Status.TIMED_OUT : Approval.Status.GRANTED,
                        e.getGrantedBy(),
                        "");
                if (a != null && a.kind() == ApprovalKind.APPROVAL_KIND_SPRINT) {
                    status = ProjectStatus.RUNNING; // the backlog's grant runs with its BacklogAccepted
                }
            }
            case ApprovalRejected e -> {
                Approval a = decided(
                        e.getItemId(),
                        e.getTimedOut() ? Approval.Status.TIMED_OUT : Approval.Status.REJECTED,
                        e.getRejectedBy(),
                        e.getFeedback());
                if (a != null) {
                    switch (a.kind()) {
                        case APPROVAL_KIND_BACKLOG -> status = ProjectStatus.PLANNING;
                        case APPROVAL_KIND_SPRINT ->
                            a.request()
                                    .getSprintTaskIdsList()
                                    .forEach(id -> feedback = with(feedback, id, e.getFeedback()));
                        case APPROVAL_KIND_RISKY_CHANGE -> {
                            update(a.request().getTaskId(), t -> t.withStatus(TaskStatus.PENDING));
                            feedback = with(feedback, a.request().getTaskId(), e.getFeedback());
                        }
                        default -> {}
                    }
                }
            }
            default -> {
                // facts the planner does not need (BacklogRejected, progress) still count as versions
            }
        }
        return this;
    }

    /** Records a decision on a waiting item and returns the item as it waited; null when nothing waited. */
    private @Nullable Approval decided(String itemId, Approval.Status decision, String by, String text) {
        Approval a = approvals.get(itemId);
        if (a == null || !a.waiting()) {
            return null;
        }
        approvals = with(approvals, itemId, a.decided(decision, by, text));
        return a;
    }

    // approvals are few per project: a copy per change keeps every state seen unchanged
    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        var copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
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
