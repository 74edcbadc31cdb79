package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ApprovalKind;
import dev.aios.events.v1.BacklogAccepted;
import dev.aios.events.v1.BacklogProposed;
import dev.aios.events.v1.ProjectDelivered;
import dev.aios.events.v1.ReviewResult;
import dev.aios.events.v1.SprintCompleted;
import dev.aios.events.v1.SprintPlanned;
import dev.aios.events.v1.SprintReviewed;
import dev.aios.events.v1.StopCause;
import dev.aios.events.v1.TaskSpec;
import dev.aios.events.v1.Usage;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sprint's life: the next one is planned by capacity in dependency order (or the project is delivered, or stopped at
 * the sprint limit), and a reviewed one is closed. Where the project asks, a sprint's plan waits for a person first.
 */
final class Sprints {
    private final PlannerSettings settings;
    private final Dispatch dispatch;

    Sprints(PlannerSettings settings, Dispatch dispatch) {
        this.settings = settings;
        this.dispatch = dispatch;
    }

    void planNext(Emissions out) {
        ProjectState state = out.state();
        List<TaskState> pending = state.backlog().stream()
                .filter(t -> t.status() == TaskStatus.PENDING)
                .toList();
        if (pending.isEmpty()) {
            deliver(out);
            return;
        }
        if (state.currentSprint() >= state.sprintLimit(settings)) {
            Halts.stop(
                    out,
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
            for (TaskState t : pending) {
                String id = t.spec().getTaskId();
                if (chosen.contains(id) || !dependenciesDoneOrIn(state, t, chosen)) {
                    continue;
                }
                int p = t.spec().getEstimatePoints();
                if (points + p <= capacity || chosen.isEmpty()) {
                    chosen.add(id);
                    points += p;
                    progress = true;
                }
            }
        }
        if (state.waitsFor(ApprovalKind.APPROVAL_KIND_SPRINT)) {
            Approvals.requestSprint(out, chosen, List.of());
            return;
        }
        open(out, chosen);
    }

    /** A valid backlog is accepted and its first sprint planned. */
    void accept(Emissions out, BacklogProposed backlog) {
        out.emit(BacklogAccepted.newBuilder()
                .setProjectId(out.state().projectId())
                .setAttempt(backlog.getAttempt())
                .setTaskCount(backlog.getTasksCount())
                .setTotalPoints(backlog.getTasksList().stream()
                        .mapToInt(TaskSpec::getEstimatePoints)
                        .sum())
                .build());
        planNext(out);
    }

    /** The next sprint starts with these tasks: planned, and what is ready sent out. */
    void open(Emissions out, Collection<String> taskIds) {
        ProjectState state = out.state();
        out.emit(SprintPlanned.newBuilder()
                .setProjectId(state.projectId())
                .setSprintNumber(state.currentSprint() + 1)
                .addAllTaskIds(taskIds)
                .setCapacityPoints(state.capacity(settings))
                .setPlannedPoints(taskIds.stream()
                        .mapToInt(id -> state.tasks().get(id).spec().getEstimatePoints())
                        .sum())
                .build());
        dispatch.dispatchReady(out);
    }

    private static boolean dependenciesDoneOrIn(ProjectState state, TaskState t, Set<String> chosen) {
        for (String dep : t.spec().getDependsOnList()) {
            TaskState d = state.tasks().get(dep);
            if (d == null || (d.status() != TaskStatus.DONE && !chosen.contains(dep))) {
                return false;
            }
        }
        return true;
    }

    /** The sprint's review came back (or was abandoned): it is recorded, the sprint completed and the next planned. */
    void close(Emissions out, ReviewResult review) {
        int sprint = out.state().currentSprint();
        out.emit(SprintReviewed.newBuilder()
                .setProjectId(out.state().projectId())
                .setSprintNumber(sprint)
                .setPassed(review.getPassed())
                .addAllDefects(review.getDefectsList())
                .setReport(review.getReport())
                .build());
        out.emit(SprintCompleted.newBuilder()
                .setProjectId(out.state().projectId())
                .setSprintNumber(sprint)
                .addAllCompletedTaskIds(out.state().backlog().stream()
                        .filter(t -> t.sprint() == sprint && t.status() == TaskStatus.DONE)
                        .map(t -> t.spec().getTaskId())
                        .toList())
                .build());
        planNext(out);
    }

    private static void deliver(Emissions out) {
        ProjectState state = out.state();
        long cost = state.spentMicros();
        out.emit(ProjectDelivered.newBuilder()
                .setProjectId(state.projectId())
                .setSprints(state.currentSprint())
                .setTasksCompleted(state.tasksCompleted())
                .setTasksAbandoned(state.tasksAbandoned())
                .setUsage(Usage.newBuilder().setCostMicros(cost))
                .setSummary(state.tasksCompleted() + " tasks completed, " + state.tasksAbandoned() + " abandoned in "
                        + state.currentSprint() + " sprints")
                .build());
    }
}
