package dev.aios.orchestrator.planning;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.messaging.runtime.TaskEventMapper;
import dev.aios.events.v1.*;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The planner and its fold as they were before the reactions were split out and the state made immutable (commit
 * 07ef719), kept verbatim but for names: the oracle {@link PreviousPlannerEquivalenceTest} compares the reactions and
 * {@link ProjectState#evolve} with, over many generated runs. Delete it once nobody doubts the split.
 */
final class PreviousPlanner {
    private PreviousPlanner() {}

    /**
     * The pure sprint planner: (state from prior events, incoming event) → new events and commands. Every output is
     * applied to the state as it is emitted, so later reactions in the same decision see earlier ones.
     */
    static final class Planner {
        private final PlannerSettings settings;
        private final ChangesetValidator changesetValidator;

        Planner(PlannerSettings settings) {
            this.settings = settings;
            this.changesetValidator = ChangesetValidator.withDefaults();
        }

        List<Decision.Output> decide(State state, Message incoming, Instant now) {
            var run = new Run(state, now);
            switch (incoming) {
                case ProjectSubmitted e -> run.whenProjectSubmittedThenPlan(e);
                case BacklogProposed e -> run.whenBacklogProposedThenAcceptOrReject(e);
                case TaskStarted e -> run.whenTaskStartedThenRecord(e);
                case TaskCompleted e -> run.whenTaskCompletedThenDispatchNext(e);
                case TaskFailed e -> run.whenTaskFailedThenRetryOrAbandon(e);
                case TaskLeaseExpired e -> run.whenLeaseExpiredThenReassign(e);
                case LlmCallCompleted e -> run.whenLlmCallCompletedThenChargeBudget(e);
                case BudgetChanged e -> run.whenBudgetChangedThenPauseOrResume(e);
                case ProjectStopped e -> run.whenStopRequestedThenStop(e);
                default -> {}
            }
            return run.outputs;
        }

        static TaskSpec defectTask(int sprint, int n, Defect d) {
            AgentRole role = d.getRole() == AgentRole.AGENT_ROLE_UNSPECIFIED || d.getRole() == AgentRole.AGENT_ROLE_CTO
                    ? AgentRole.AGENT_ROLE_BACKEND
                    : d.getRole();
            String title = d.getTitle().isBlank() ? "Defect " + n + " of sprint " + sprint : d.getTitle();
            return TaskSpec.newBuilder()
                    .setTaskId("D" + sprint + "-" + n)
                    .setRole(role)
                    .setTitle(title.length() > 200 ? title.substring(0, 200) : title)
                    .setDescription(d.getDescription()
                            + (d.getFailingOutput().isBlank() ? "" : "\n\nFailing output:\n" + d.getFailingOutput()))
                    .setEstimatePoints(1)
                    .setKind(TaskKind.TASK_KIND_DEFECT_FIX)
                    .build();
        }

        private final class Run {
            final State state;
            final Instant now;
            final List<Decision.Output> outputs = new ArrayList<>();

            Run(State state, Instant now) {
                this.state = state;
                this.now = now;
            }

            void emit(Message event) {
                emit(event, null);
            }

            void emit(Message event, AgentRole commandTo) {
                state.apply(event);
                outputs.add(new Decision.Output(event, commandTo));
            }

            void whenProjectSubmittedThenPlan(ProjectSubmitted e) {
                if (state.status != ProjectStatus.NEW) {
                    return;
                }
                emit(e);
                emit(planProject(1, List.of()), AgentRole.AGENT_ROLE_CTO);
            }

            PlanProject planProject(int attempt, List<String> reasons) {
                return PlanProject.newBuilder()
                        .setProjectId(state.projectId)
                        .setName(state.name)
                        .setBrief(state.brief)
                        .setAttempt(attempt)
                        .addAllPreviousRejectionReasons(reasons)
                        .setBudgetMicros(state.budgetMicros)
                        .build();
            }

            void whenBacklogProposedThenAcceptOrReject(BacklogProposed e) {
                if (state.status != ProjectStatus.PLANNING || e.getAttempt() != state.planAttempt) {
                    return; // a stale or duplicate proposal
                }
                emit(e);
                List<String> problems = BacklogValidator.problems(e, settings, state.capacity(settings));
                if (problems.isEmpty()) {
                    emit(BacklogAccepted.newBuilder()
                            .setProjectId(state.projectId)
                            .setAttempt(e.getAttempt())
                            .setTaskCount(e.getTasksCount())
                            .setTotalPoints(e.getTasksList().stream()
                                    .mapToInt(TaskSpec::getEstimatePoints)
                                    .sum())
                            .build());
                    planNextSprint();
                    return;
                }
                boolean last = e.getAttempt() > state.maxReplans(settings);
                emit(BacklogRejected.newBuilder()
                        .setProjectId(state.projectId)
                        .setAttempt(e.getAttempt())
                        .addAllReasons(problems)
                        .setFinal(last)
                        .build());
                replanOrStop(e.getAttempt(), problems);
            }

            void replanOrStop(int attempt, List<String> reasons) {
                if (attempt > state.maxReplans(settings)) {
                    stop(
                            StopCause.STOP_CAUSE_PLANNING_FAILED,
                            "no acceptable backlog after " + attempt + " attempts: " + String.join("; ", reasons));
                } else {
                    emit(planProject(attempt + 1, reasons), AgentRole.AGENT_ROLE_CTO);
                }
            }

            void stop(StopCause cause, String reason) {
                emit(ProjectStopped.newBuilder()
                        .setProjectId(state.projectId)
                        .setCause(cause)
                        .setReason(reason)
                        .setStoppedBy("orchestrator")
                        .build());
            }

            void planNextSprint() {
                List<Task> pending = state.backlog().stream()
                        .filter(t -> t.status == TaskStatus.PENDING)
                        .toList();
                if (pending.isEmpty()) {
                    deliver();
                    return;
                }
                if (state.currentSprint >= state.sprintLimit(settings)) {
                    stop(
                            StopCause.STOP_CAUSE_SPRINT_LIMIT,
                            "sprint limit of " + state.sprintLimit(settings) + " reached with " + pending.size()
                                    + " tasks left");
                    return;
                }
                int capacity = state.capacity(settings);
                Set<String> chosen = new LinkedHashSet<>();
                int points = 0;
                boolean progress = true;
                // repeated passes pick tasks in dependency order: a task joins once its dependencies are done or chosen
                while (progress) {
                    progress = false;
                    for (Task t : pending) {
                        String id = t.spec.getTaskId();
                        if (chosen.contains(id) || !dependenciesDoneOrIn(t, chosen)) {
                            continue;
                        }
                        int p = t.spec.getEstimatePoints();
                        if (points + p <= capacity || chosen.isEmpty()) {
                            chosen.add(id);
                            points += p;
                            progress = true;
                        }
                    }
                }
                emit(SprintPlanned.newBuilder()
                        .setProjectId(state.projectId)
                        .setSprintNumber(state.currentSprint + 1)
                        .addAllTaskIds(chosen)
                        .setCapacityPoints(capacity)
                        .setPlannedPoints(points)
                        .build());
                dispatchReady();
            }

            boolean dependenciesDoneOrIn(Task t, Set<String> chosen) {
                for (String dep : t.spec.getDependsOnList()) {
                    Task d = state.tasks.get(dep);
                    if (d == null || (d.status != TaskStatus.DONE && !chosen.contains(dep))) {
                        return false;
                    }
                }
                return true;
            }

            void dispatchReady() {
                if (state.status != ProjectStatus.RUNNING || !state.sprintOpen) {
                    return;
                }
                if (state.spentMicros >= state.budgetMicros) {
                    pause();
                    return;
                }
                for (Task t : List.copyOf(state.tasks.values())) {
                    if (t.sprint == state.currentSprint && t.status == TaskStatus.PENDING && dependenciesDone(t)) {
                        assign(t.spec, t.attempt + 1);
                    }
                }
                startReviewWhenSprintSettled();
            }

            boolean dependenciesDone(Task t) {
                return t.spec.getDependsOnList().stream()
                        .allMatch(dep -> state.task(dep)
                                .map(d -> d.status == TaskStatus.DONE)
                                .orElse(false));
            }

            void assign(TaskSpec spec, int attempt) {
                String leaseId = state.projectId + "/" + spec.getTaskId() + "/" + attempt;
                Instant expires = now.plus(settings.leaseDuration());
                var context = TaskContext.newBuilder()
                        .setProjectName(state.name)
                        .setBrief(state.brief)
                        .setArchitectureNotes(state.architectureNotes)
                        .setRemainingBudgetMicros(Math.max(0, state.budgetMicros - state.spentMicros))
                        .setBudgetMicros(state.budgetMicros);
                for (String dep : spec.getDependsOnList()) {
                    state.task(dep)
                            .ifPresent(d -> context.addDependencyOutputs(DependencyOutput.newBuilder()
                                    .setTaskId(dep)
                                    .setTitle(d.spec.getTitle())
                                    .setSummary(d.summary)
                                    .addAllPaths(d.paths)));
                }
                emit(
                        TaskAssigned.newBuilder()
                                .setProjectId(state.projectId)
                                .setTaskId(spec.getTaskId())
                                .setSprintNumber(state.currentSprint)
                                .setAttempt(attempt)
                                .setTask(spec)
                                .setContext(context)
                                .setLeaseId(leaseId)
                                .setLeaseExpiresAt(Timestamp.newBuilder()
                                        .setSeconds(expires.getEpochSecond())
                                        .setNanos(expires.getNano()))
                                .build(),
                        spec.getRole());
            }

            void startReviewWhenSprintSettled() {
                String reviewId = "R" + state.currentSprint;
                boolean settled = state.backlog().stream()
                        .filter(t -> t.sprint == state.currentSprint)
                        .allMatch(t -> t.status.settled());
                if (!settled || state.tasks.containsKey(reviewId)) {
                    return;
                }
                assign(
                        TaskSpec.newBuilder()
                                .setTaskId(reviewId)
                                .setRole(AgentRole.AGENT_ROLE_QA)
                                .setTitle("Review of sprint " + state.currentSprint)
                                .setDescription("Run the project's tests on the whole workspace and report defects.")
                                .setKind(TaskKind.TASK_KIND_SPRINT_REVIEW)
                                .build(),
                        1);
            }

            void pause() {
                if (state.status == ProjectStatus.RUNNING) {
                    emit(ProjectPaused.newBuilder()
                            .setProjectId(state.projectId)
                            .setReason("budget spent: " + state.spentMicros + " of " + state.budgetMicros
                                    + " micro-dollars")
                            .setSpentMicros(state.spentMicros)
                            .setBudgetMicros(state.budgetMicros)
                            .build());
                }
            }

            /** The router's ledger refused a call: what is held for running calls left no room for it, whatever is spent. */
            void pauseForRefusedCall(TaskFailed e) {
                if (state.status == ProjectStatus.RUNNING || state.status == ProjectStatus.PLANNING) {
                    emit(ProjectPaused.newBuilder()
                            .setProjectId(state.projectId)
                            .setReason("the router refused a call of task " + e.getTaskId() + " for budget ("
                                    + state.spentMicros + " of " + state.budgetMicros
                                    + " micro-dollars charged so far): " + e.getReason())
                            .setSpentMicros(state.spentMicros)
                            .setBudgetMicros(state.budgetMicros)
                            .build());
                }
            }

            void deliver() {
                long cost = state.spentMicros;
                emit(ProjectDelivered.newBuilder()
                        .setProjectId(state.projectId)
                        .setSprints(state.currentSprint)
                        .setTasksCompleted(state.tasksCompleted)
                        .setTasksAbandoned(state.tasksAbandoned)
                        .setUsage(Usage.newBuilder().setCostMicros(cost))
                        .setSummary(state.tasksCompleted + " tasks completed, " + state.tasksAbandoned
                                + " abandoned in " + state.currentSprint + " sprints")
                        .build());
            }

            boolean holdsLease(String taskId, String leaseId) {
                return !state.status.terminal()
                        && state.task(taskId)
                                .map(t -> t.status == TaskStatus.ASSIGNED && leaseId.equals(t.leaseId))
                                .orElse(false);
            }

            void whenTaskStartedThenRecord(TaskStarted e) {
                if (holdsLease(e.getTaskId(), e.getLeaseId())) {
                    emit(e);
                }
            }

            void whenTaskCompletedThenDispatchNext(TaskCompleted e) {
                if (!holdsLease(e.getTaskId(), e.getLeaseId())) {
                    return; // a late result from an expired lease: fenced off
                }
                Task task = state.tasks.get(e.getTaskId());
                List<String> violations = changesetValidator.violations(TaskEventMapper.toChangeset(e.getChangeset()));
                if (!violations.isEmpty()) {
                    TaskFailed failed = TaskFailed.newBuilder()
                            .setProjectId(state.projectId)
                            .setTaskId(e.getTaskId())
                            .setAttempt(e.getAttempt())
                            .setAgentId(e.getAgentId())
                            .setRole(e.getRole())
                            .setReason("changeset rejected: " + String.join("; ", violations))
                            .setRetriable(true)
                            .setUsage(e.getUsage())
                            .setLeaseId(e.getLeaseId())
                            .build();
                    emit(failed);
                    retryOrAbandon(task, failed.getReason(), true);
                    return;
                }
                emit(e);
                if (task.spec.getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
                    closeSprint(e.getReview());
                } else {
                    dispatchReady();
                }
            }

            void closeSprint(ReviewResult review) {
                int sprint = state.currentSprint;
                emit(SprintReviewed.newBuilder()
                        .setProjectId(state.projectId)
                        .setSprintNumber(sprint)
                        .setPassed(review.getPassed())
                        .addAllDefects(review.getDefectsList())
                        .setReport(review.getReport())
                        .build());
                emit(SprintCompleted.newBuilder()
                        .setProjectId(state.projectId)
                        .setSprintNumber(sprint)
                        .addAllCompletedTaskIds(state.backlog().stream()
                                .filter(t -> t.sprint == sprint && t.status == TaskStatus.DONE)
                                .map(t -> t.spec.getTaskId())
                                .toList())
                        .build());
                planNextSprint();
            }

            void whenTaskFailedThenRetryOrAbandon(TaskFailed e) {
                if (e.getTaskId().equals(State.PLAN_TASK_ID)) {
                    if (state.status == ProjectStatus.PLANNING && e.getAttempt() == state.planAttempt) {
                        emit(e);
                        if (e.getFatalToProject()) {
                            fail(e);
                        } else if (e.getBudgetExhausted()) {
                            pauseForRefusedCall(e);
                        } else {
                            replanOrStop(e.getAttempt(), List.of("planning failed: " + e.getReason()));
                        }
                    }
                    return;
                }
                if (!holdsLease(e.getTaskId(), e.getLeaseId())) {
                    return;
                }
                emit(e);
                if (e.getFatalToProject()) {
                    fail(e);
                    return;
                }
                if (e.getBudgetExhausted()) {
                    // the task is pending again and is sent anew, as a new attempt, once the budget is raised
                    pauseForRefusedCall(e);
                    return;
                }
                retryOrAbandon(state.tasks.get(e.getTaskId()), e.getReason(), e.getRetriable());
            }

            /** No model can answer this project's calls: retries and re-plans would fail the same way. */
            void fail(TaskFailed e) {
                emit(ProjectFailed.newBuilder()
                        .setProjectId(state.projectId)
                        .setTaskId(e.getTaskId())
                        .setReason(e.getReason())
                        .build());
            }

            void whenLeaseExpiredThenReassign(TaskLeaseExpired e) {
                if (!holdsLease(e.getTaskId(), e.getLeaseId())) {
                    return; // the task finished or was re-assigned before the sweeper saw the lease
                }
                emit(e);
                retryOrAbandon(state.tasks.get(e.getTaskId()), "lease " + e.getLeaseId() + " expired", true);
            }

            void retryOrAbandon(Task task, String reason, boolean retriable) {
                if (retriable && task.attempt < settings.maxTaskAttempts()) {
                    dispatchReady();
                    return;
                }
                emit(TaskAbandoned.newBuilder()
                        .setProjectId(state.projectId)
                        .setTaskId(task.spec.getTaskId())
                        .setAttempts(task.attempt)
                        .setReason(reason)
                        .addAllBlockedTaskIds(dependentsOf(task.spec.getTaskId()))
                        .build());
                if (task.spec.getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
                    closeSprint(ReviewResult.newBuilder().setPassed(false).build());
                } else {
                    dispatchReady();
                }
            }

            List<String> dependentsOf(String taskId) {
                Set<String> blocked = new LinkedHashSet<>();
                boolean grew = true;
                while (grew) {
                    grew = false;
                    for (Task t : state.backlog()) {
                        String id = t.spec.getTaskId();
                        if (blocked.contains(id) || t.status.settled()) {
                            continue;
                        }
                        for (String dep : t.spec.getDependsOnList()) {
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

            void whenLlmCallCompletedThenChargeBudget(LlmCallCompleted e) {
                if (state.status == ProjectStatus.NEW || state.status.terminal()) {
                    return;
                }
                emit(e);
                if (state.status == ProjectStatus.RUNNING && state.spentMicros >= state.budgetMicros) {
                    pause();
                }
            }

            void whenBudgetChangedThenPauseOrResume(BudgetChanged e) {
                if (state.status == ProjectStatus.NEW || state.status.terminal()) {
                    return;
                }
                emit(e);
                if (state.status == ProjectStatus.PAUSED && state.budgetMicros > state.spentMicros) {
                    emit(ProjectResumed.newBuilder()
                            .setProjectId(state.projectId)
                            .setReason("budget raised to " + state.budgetMicros + " micro-dollars")
                            .build());
                    if (state.status == ProjectStatus.PLANNING) {
                        emit(planProject(state.planAttempt + 1, List.of()), AgentRole.AGENT_ROLE_CTO);
                    } else {
                        dispatchReady();
                    }
                } else if (state.status == ProjectStatus.RUNNING && state.spentMicros >= state.budgetMicros) {
                    pause();
                }
            }

            void whenStopRequestedThenStop(ProjectStopped e) {
                if (state.status == ProjectStatus.NEW || state.status.terminal()) {
                    return;
                }
                emit(e);
            }
        }
    }

    /** A project as its events tell it: the fold the planner decides on. */
    static final class State {
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
        final Map<String, Task> tasks = new LinkedHashMap<>();
        int currentSprint;
        boolean sprintOpen;
        int tasksCompleted;
        int tasksAbandoned;
        String stopReason = "";
        long version;

        public static State from(List<? extends Message> events) {
            var state = new State();
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
                    lastProposal.getTasksList().forEach(t -> tasks.put(t.getTaskId(), new Task(t)));
                    status = ProjectStatus.RUNNING;
                }
                case SprintPlanned e -> {
                    currentSprint = e.getSprintNumber();
                    sprintOpen = true;
                    e.getTaskIdsList().forEach(id -> tasks.get(id).sprint = e.getSprintNumber());
                }
                case TaskAssigned e -> {
                    Task t = tasks.computeIfAbsent(e.getTaskId(), id -> new Task(e.getTask()));
                    t.status = TaskStatus.ASSIGNED;
                    t.sprint = e.getSprintNumber();
                    t.attempt = e.getAttempt();
                    t.leaseId = e.getLeaseId();
                }
                case TaskStarted e -> task(e.getTaskId()).ifPresent(t -> t.agentId = e.getAgentId());
                case TaskCompleted e ->
                    task(e.getTaskId()).ifPresent(t -> {
                        t.status = TaskStatus.DONE;
                        t.agentId = e.getAgentId();
                        t.summary = e.getSummary();
                        t.paths = e.getChangeset().getWritesList().stream()
                                .map(FileWrite::getPath)
                                .toList();
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
                        TaskSpec spec = Planner.defectTask(e.getSprintNumber(), i + 1, d);
                        tasks.put(spec.getTaskId(), new Task(spec));
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
            for (Task t : tasks.values()) {
                if (t.status == TaskStatus.DONE && t.sprint < currentSprint) {
                    paths.addAll(t.paths);
                }
            }
            return paths;
        }

        Optional<Task> task(String id) {
            return Optional.ofNullable(tasks.get(id));
        }

        List<Task> backlog() {
            var list = new ArrayList<Task>();
            for (Task t : tasks.values()) {
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

        public Map<String, Task> tasks() {
            return java.util.Collections.unmodifiableMap(tasks);
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

    /** The planner's view of one task, rebuilt from the project's events. */
    static final class Task {
        final TaskSpec spec;
        TaskStatus status = TaskStatus.PENDING;
        int sprint;
        int attempt;

        @Nullable
        String leaseId;

        @Nullable
        String agentId;

        String summary = "";
        List<String> paths = List.of();

        Task(TaskSpec spec) {
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
}
