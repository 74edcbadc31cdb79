package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project as its events tell it, the state the planner decides on: an immutable value. {@link #evolve} is the fold
 * (one event gives the next state) and {@link #from} folds a whole stream; nothing else makes or changes a state.
 */
public final class ProjectState {
    public static final String PLAN_TASK_ID = "plan";
    public static final String DEFAULT_TENANT = "default";

    private static final ProjectState INITIAL = new ProjectState();

    private final String projectId;
    private final String name;
    private final String brief;
    private final String tenant;
    private final String submittedBy;
    private final ProjectOptions options;
    private final ProjectStatus status;
    // a pause for budget may come while planning: resuming goes back to where it paused
    private final ProjectStatus pausedFrom;
    private final long budgetMicros;
    private final long spentMicros;
    private final int planAttempt;
    private final String architectureNotes;
    private final BacklogProposed lastProposal;
    private final TaskTable tasks;
    private final int currentSprint;
    private final boolean sprintOpen;
    private final int tasksCompleted;
    private final int tasksAbandoned;
    private final String stopReason;
    private final long version;
    private final Map<String, Approval> approvals;
    private final Map<String, String> feedbackByTask;

    private ProjectState() {
        projectId = "";
        name = "";
        brief = "";
        tenant = "";
        submittedBy = "";
        options = ProjectOptions.getDefaultInstance();
        status = ProjectStatus.NEW;
        pausedFrom = ProjectStatus.RUNNING;
        budgetMicros = 0;
        spentMicros = 0;
        planAttempt = 0;
        architectureNotes = "";
        lastProposal = BacklogProposed.getDefaultInstance();
        tasks = TaskTable.EMPTY;
        currentSprint = 0;
        sprintOpen = false;
        tasksCompleted = 0;
        tasksAbandoned = 0;
        stopReason = "";
        version = 0;
        approvals = Map.of();
        feedbackByTask = Map.of();
    }

    ProjectState(ProjectEvolution e, TaskTable tasks) {
        projectId = e.projectId;
        name = e.name;
        brief = e.brief;
        tenant = e.tenant;
        submittedBy = e.submittedBy;
        options = e.options;
        status = e.status;
        pausedFrom = e.pausedFrom;
        budgetMicros = e.budgetMicros;
        spentMicros = e.spentMicros;
        planAttempt = e.planAttempt;
        architectureNotes = e.architectureNotes;
        lastProposal = e.lastProposal;
        this.tasks = tasks;
        currentSprint = e.currentSprint;
        sprintOpen = e.sprintOpen;
        tasksCompleted = e.tasksCompleted;
        tasksAbandoned = e.tasksAbandoned;
        stopReason = e.stopReason;
        version = e.version;
        approvals = e.approvals;
        feedbackByTask = e.feedback;
    }

    /** The state of a project before its first event. */
    public static ProjectState initial() {
        return INITIAL;
    }

    /** The state after {@code event}; {@code state} itself stays as it was. */
    public static ProjectState evolve(ProjectState state, Message event) {
        return new ProjectEvolution(state).apply(event).state();
    }

    /** The state after every one of {@code events}, in order: the same as evolving by each, without a copy per event. */
    public static ProjectState from(List<? extends Message> events) {
        var evolution = new ProjectEvolution(INITIAL);
        events.forEach(evolution::apply);
        return evolution.state();
    }

    /**
     * Every task the given one depends on, directly or through others, nearest first. What these wrote is the work a
     * task builds on, and it is the same whatever order unrelated tasks finish in.
     */
    public List<String> dependencyClosure(String taskId) {
        var closure = new LinkedHashSet<String>();
        var next = new ArrayDeque<String>();
        task(taskId).ifPresent(t -> next.addAll(t.spec().getDependsOnList()));
        while (!next.isEmpty()) {
            String id = next.poll();
            if (closure.add(id)) {
                task(id).ifPresent(t -> next.addAll(t.spec().getDependsOnList()));
            }
        }
        return List.copyOf(closure);
    }

    /** Paths written by tasks done in sprints before the current one: settled for the whole current sprint. */
    public Set<String> pathsOfEarlierSprints() {
        var paths = new LinkedHashSet<String>();
        for (TaskState t : tasks.values()) {
            if (t.status() == TaskStatus.DONE && t.sprint() < currentSprint) {
                paths.addAll(t.paths());
            }
        }
        return paths;
    }

    /** Whether the task is out under this lease: results and expiries of any other lease are fenced off. */
    boolean holdsLease(String taskId, String leaseId) {
        return !status.terminal()
                && task(taskId)
                        .map(t -> t.status() == TaskStatus.ASSIGNED && leaseId.equals(t.leaseId()))
                        .orElse(false);
    }

    Optional<TaskState> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** The backlog's tasks (sprint reviews left out) in the order they became known. */
    List<TaskState> backlog() {
        var list = new ArrayList<TaskState>();
        for (TaskState t : tasks.values()) {
            if (t.spec().getKind() != TaskKind.TASK_KIND_SPRINT_REVIEW) {
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

    /** The tasks by id, in the order they became known; unmodifiable. */
    public Map<String, TaskState> tasks() {
        return tasks;
    }

    ProjectOptions options() {
        return options;
    }

    /** Every item that waited or waits for a person, by item id, in the order they were requested; unmodifiable. */
    public Map<String, Approval> approvals() {
        return approvals;
    }

    /** How many items wait for a person's decision now: none once the project ended, when nothing waits any more. */
    public int awaitingApprovals() {
        if (terminal()) {
            return 0;
        }
        return (int) approvals.values().stream().filter(Approval::waiting).count();
    }

    /** The waiting item with this id, if it still waits. */
    public Optional<Approval> waitingApproval(String itemId) {
        return Optional.ofNullable(approvals.get(itemId)).filter(Approval::waiting);
    }

    /** A person's feedback on a task's rejected change (or its sprint's rejected plan), sent with its next assignment. */
    Map<String, String> feedbackByTask() {
        return feedbackByTask;
    }

    /** Whether the project asks a person before going on with this kind of item. */
    boolean waitsFor(ApprovalKind kind) {
        return options.getApprovalsList().contains(kind);
    }

    ProjectStatus pausedFrom() {
        return pausedFrom;
    }

    int planAttempt() {
        return planAttempt;
    }

    BacklogProposed lastProposal() {
        return lastProposal;
    }

    TaskTable taskTable() {
        return tasks;
    }

    boolean sprintOpen() {
        return sprintOpen;
    }

    int tasksAbandoned() {
        return tasksAbandoned;
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
