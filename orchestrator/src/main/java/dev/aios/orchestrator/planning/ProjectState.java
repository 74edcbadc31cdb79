package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A project as its events tell it: the fold the planner decides on. */
public final class ProjectState {
    public static final String PLAN_TASK_ID = "plan";
    public static final String DEFAULT_TENANT = "default";

    String projectId = "";
    String name = "";
    String brief = "";
    String tenant = "";
    String submittedBy = "";
    ProjectOptions options = ProjectOptions.getDefaultInstance();
    ProjectStatus status = ProjectStatus.NEW;
    // a pause for budget may come while planning: resuming goes back to where it paused
    ProjectStatus pausedFrom = ProjectStatus.RUNNING;
    long budgetMicros;
    long spentMicros;
    int planAttempt;
    String architectureNotes = "";
    BacklogProposed lastProposal = BacklogProposed.getDefaultInstance();
    final Map<String, TaskState> tasks = new LinkedHashMap<>();
    int currentSprint;
    boolean sprintOpen;
    int tasksCompleted;
    int tasksAbandoned;
    String stopReason = "";
    long version;

    public static ProjectState from(List<? extends Message> events) {
        var state = new ProjectState();
        events.forEach(state::apply);
        return state;
    }

    public void apply(Message event) {
        version++;
        switch (event) {
            case ProjectSubmitted e -> {
                projectId = e.getProjectId();
                name = e.getName();
                brief = e.getBrief();
                tenant = tenantOf(e);
                submittedBy = e.getSubmittedBy();
                budgetMicros = e.getBudgetMicros();
                options = e.getOptions();
                status = ProjectStatus.PLANNING;
            }
            case PlanProject e -> planAttempt = e.getAttempt();
            case BacklogProposed e -> lastProposal = e;
            case BacklogAccepted e -> {
                architectureNotes = lastProposal.getArchitectureNotes();
                lastProposal.getTasksList().forEach(t -> tasks.put(t.getTaskId(), new TaskState(t)));
                status = ProjectStatus.RUNNING;
            }
            case SprintPlanned e -> {
                currentSprint = e.getSprintNumber();
                sprintOpen = true;
                e.getTaskIdsList().forEach(id -> tasks.get(id).sprint = e.getSprintNumber());
            }
            case TaskAssigned e -> {
                TaskState t = tasks.computeIfAbsent(e.getTaskId(), id -> new TaskState(e.getTask()));
                t.status = TaskStatus.ASSIGNED;
                t.sprint = e.getSprintNumber();
                t.attempt = e.getAttempt();
                t.leaseId = e.getLeaseId();
            }
            case TaskStarted e -> task(e.getTaskId()).ifPresent(t -> t.agentId = e.getAgentId());
            case TaskCompleted e -> task(e.getTaskId()).ifPresent(t -> {
                t.status = TaskStatus.DONE;
                t.agentId = e.getAgentId();
                t.summary = e.getSummary();
                t.paths = e.getChangeset().getWritesList().stream().map(FileWrite::getPath).toList();
                if (t.spec.getKind() != TaskKind.TASK_KIND_SPRINT_REVIEW) {
                    tasksCompleted++;
                }
            });
            case TaskFailed e -> task(e.getTaskId()).ifPresent(t -> t.status = TaskStatus.PENDING);
            case TaskLeaseExpired e -> task(e.getTaskId()).ifPresent(t -> t.status = TaskStatus.PENDING);
            case TaskAbandoned e -> {
                task(e.getTaskId()).ifPresent(t -> t.status = TaskStatus.ABANDONED);
                tasksAbandoned++;
                e.getBlockedTaskIdsList().forEach(id -> task(id).ifPresent(t -> t.status = TaskStatus.BLOCKED));
            }
            case SprintReviewed e -> {
                for (int i = 0; i < e.getDefectsCount(); i++) {
                    Defect d = e.getDefects(i);
                    TaskSpec spec = SprintPlanner.defectTask(e.getSprintNumber(), i + 1, d);
                    tasks.put(spec.getTaskId(), new TaskState(spec));
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
    }

    /**
     * Every task the given one depends on, directly or through others, nearest first. What these wrote is the work a
     * task builds on, and it is the same whatever order unrelated tasks finish in.
     */
    public List<String> dependencyClosure(String taskId) {
        var closure = new LinkedHashSet<String>();
        var next = new ArrayDeque<String>();
        task(taskId).ifPresent(t -> next.addAll(t.spec.getDependsOnList()));
        while (!next.isEmpty()) {
            String id = next.poll();
            if (closure.add(id)) {
                task(id).ifPresent(t -> next.addAll(t.spec.getDependsOnList()));
            }
        }
        return List.copyOf(closure);
    }

    /** Paths written by tasks done in sprints before the current one: settled for the whole current sprint. */
    public Set<String> pathsOfEarlierSprints() {
        var paths = new LinkedHashSet<String>();
        for (TaskState t : tasks.values()) {
            if (t.status == TaskStatus.DONE && t.sprint < currentSprint) {
                paths.addAll(t.paths);
            }
        }
        return paths;
    }

    Optional<TaskState> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    List<TaskState> backlog() {
        var list = new ArrayList<TaskState>();
        for (TaskState t : tasks.values()) {
            if (t.spec.getKind() != TaskKind.TASK_KIND_SPRINT_REVIEW) {
                list.add(t);
            }
        }
        return list;
    }

    public String projectId() {
        return projectId;
    }

    public ProjectStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public long budgetMicros() {
        return budgetMicros;
    }

    public long spentMicros() {
        return spentMicros;
    }

    public int currentSprint() {
        return currentSprint;
    }

    public String name() {
        return name;
    }

    /** The tenant the project belongs to: the submitter's, or {@link #DEFAULT_TENANT} for projects from before tenants. */
    public String tenant() {
        return tenant;
    }

    /** The subject (token {@code sub}) of whoever submitted the project. */
    public String submittedBy() {
        return submittedBy;
    }

    /** The tenant of a submission; submissions recorded before tenants existed belong to {@link #DEFAULT_TENANT}. */
    public static String tenantOf(ProjectSubmitted e) {
        return e.getTenant().isEmpty() ? DEFAULT_TENANT : e.getTenant();
    }

    public String brief() {
        return brief;
    }

    public String architectureNotes() {
        return architectureNotes;
    }

    public String stopReason() {
        return stopReason;
    }

    public int tasksCompleted() {
        return tasksCompleted;
    }

    public int tasksTotal() {
        return backlog().size();
    }

    public boolean terminal() {
        return status.terminal();
    }

    public Map<String, TaskState> tasks() {
        return Collections.unmodifiableMap(tasks);
    }

    int capacity(PlannerSettings s) {
        return options.getSprintCapacityPoints() > 0 ? options.getSprintCapacityPoints() : s.sprintCapacityPoints();
    }

    int sprintLimit(PlannerSettings s) {
        return options.getSprintLimit() > 0 ? options.getSprintLimit() : s.sprintLimit();
    }

    int maxReplans(PlannerSettings s) {
        return options.getMaxReplans() > 0 ? options.getMaxReplans() : s.maxReplans();
    }
}
