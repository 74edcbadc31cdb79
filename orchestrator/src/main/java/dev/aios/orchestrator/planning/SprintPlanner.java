package dev.aios.orchestrator.planning;

import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.messaging.runtime.TaskEventMapper;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.aios.events.v1.*;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pure sprint planner: (state from prior events, incoming event) → new events and commands. Every output is
 * applied to the state as it is emitted, so later reactions in the same decision see earlier ones.
 */
public final class SprintPlanner {
    private final PlannerSettings settings;
    private final ChangesetValidator changesetValidator;

    public SprintPlanner(PlannerSettings settings) {
        this.settings = settings;
        this.changesetValidator = ChangesetValidator.withDefaults();
    }

    public Decision decide(ProjectState state, Message incoming, Instant now) {
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
        return new Decision(run.outputs);
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
                .setDescription(d.getDescription() + (d.getFailingOutput().isBlank() ? "" : "\n\nFailing output:\n" + d.getFailingOutput()))
                .setEstimatePoints(1)
                .setKind(TaskKind.TASK_KIND_DEFECT_FIX)
                .build();
    }

    private final class Run {
        final ProjectState state;
        final Instant now;
        final List<Decision.Output> outputs = new ArrayList<>();

        Run(ProjectState state, Instant now) {
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
                        .setTotalPoints(e.getTasksList().stream().mapToInt(TaskSpec::getEstimatePoints).sum())
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
                stop(StopCause.STOP_CAUSE_PLANNING_FAILED,
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
            List<TaskState> pending = state.backlog().stream().filter(t -> t.status == TaskStatus.PENDING).toList();
            if (pending.isEmpty()) {
                deliver();
                return;
            }
            if (state.currentSprint >= state.sprintLimit(settings)) {
                stop(StopCause.STOP_CAUSE_SPRINT_LIMIT, "sprint limit of " + state.sprintLimit(settings)
                        + " reached with " + pending.size() + " tasks left");
                return;
            }
            int capacity = state.capacity(settings);
            Set<String> chosen = new LinkedHashSet<>();
            int points = 0;
            boolean progress = true;
            // repeated passes pick tasks in dependency order: a task joins once its dependencies are done or chosen
            while (progress) {
                progress = false;
                for (TaskState t : pending) {
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

        boolean dependenciesDoneOrIn(TaskState t, Set<String> chosen) {
            for (String dep : t.spec.getDependsOnList()) {
                TaskState d = state.tasks.get(dep);
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
            for (TaskState t : List.copyOf(state.tasks.values())) {
                if (t.sprint == state.currentSprint && t.status == TaskStatus.PENDING && dependenciesDone(t)) {
                    assign(t.spec, t.attempt + 1);
                }
            }
            startReviewWhenSprintSettled();
        }

        boolean dependenciesDone(TaskState t) {
            return t.spec.getDependsOnList().stream()
                    .allMatch(dep -> state.task(dep).map(d -> d.status == TaskStatus.DONE).orElse(false));
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
                state.task(dep).ifPresent(d -> context.addDependencyOutputs(DependencyOutput.newBuilder()
                        .setTaskId(dep)
                        .setTitle(d.spec.getTitle())
                        .setSummary(d.summary)
                        .addAllPaths(d.paths)));
            }
            emit(TaskAssigned.newBuilder()
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
            assign(TaskSpec.newBuilder()
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
                        .setReason("budget spent: " + state.spentMicros + " of " + state.budgetMicros + " micro-dollars")
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
                        .setReason("the router refused a call of task " + e.getTaskId() + " for budget (" + state.spentMicros
                                + " of " + state.budgetMicros + " micro-dollars charged so far): " + e.getReason())
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
                    .setSummary(state.tasksCompleted + " tasks completed, " + state.tasksAbandoned + " abandoned in "
                            + state.currentSprint + " sprints")
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
            TaskState task = state.tasks.get(e.getTaskId());
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
            if (e.getTaskId().equals(ProjectState.PLAN_TASK_ID)) {
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

        void retryOrAbandon(TaskState task, String reason, boolean retriable) {
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
                for (TaskState t : state.backlog()) {
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
