package dev.aios.orchestrator.planning;

import com.google.protobuf.Timestamp;
import dev.aios.events.v1.AgentRole;
import dev.aios.events.v1.DependencyOutput;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskContext;
import dev.aios.events.v1.TaskKind;
import dev.aios.events.v1.TaskSpec;
import java.time.Instant;

/**
 * Sends out the open sprint's work: every pending task whose dependencies are done, under a new lease, and the sprint's
 * review once all of its tasks are settled; nothing while the budget is spent.
 */
final class Dispatch {
    private final PlannerSettings settings;

    Dispatch(PlannerSettings settings) {
        this.settings = settings;
    }

    void dispatchReady(Emissions out) {
        ProjectState state = out.state();
        if (state.status() != ProjectStatus.RUNNING || !state.sprintOpen()) {
            return;
        }
        if (state.spentMicros() >= state.budgetMicros()) {
            Halts.pause(out);
            return;
        }
        // an assignment changes only its own task, so the tasks as they were before the first one are the ones to visit
        for (TaskState t : state.tasks().values()) {
            if (t.sprint() == state.currentSprint() && t.status() == TaskStatus.PENDING && dependenciesDone(state, t)) {
                assign(out, t.spec(), t.attempt() + 1);
            }
        }
        startReviewWhenSprintSettled(out);
    }

    private static boolean dependenciesDone(ProjectState state, TaskState t) {
        return t.spec().getDependsOnList().stream()
                .allMatch(dep ->
                        state.task(dep).map(d -> d.status() == TaskStatus.DONE).orElse(false));
    }

    private void assign(Emissions out, TaskSpec spec, int attempt) {
        ProjectState state = out.state();
        String leaseId = state.projectId() + "/" + spec.getTaskId() + "/" + attempt;
        Instant expires = out.now().plus(settings.leaseDuration());
        var context = TaskContext.newBuilder()
                .setProjectName(state.name())
                .setBrief(state.brief())
                .setArchitectureNotes(state.architectureNotes())
                .setRemainingBudgetMicros(Math.max(0, state.budgetMicros() - state.spentMicros()))
                .setBudgetMicros(state.budgetMicros())
                .setReviewerFeedback(state.feedbackByTask().getOrDefault(spec.getTaskId(), ""));
        for (String dep : spec.getDependsOnList()) {
            state.task(dep)
                    .ifPresent(d -> context.addDependencyOutputs(DependencyOutput.newBuilder()
                            .setTaskId(dep)
                            .setTitle(d.spec().getTitle())
                            .setSummary(d.summary())
                            .addAllPaths(d.paths())));
        }
        out.command(
                TaskAssigned.newBuilder()
                        .setProjectId(state.projectId())
                        .setTaskId(spec.getTaskId())
                        .setSprintNumber(state.currentSprint())
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

    private void startReviewWhenSprintSettled(Emissions out) {
        ProjectState state = out.state();
        String reviewId = "R" + state.currentSprint();
        boolean settled = state.backlog().stream()
                .filter(t -> t.sprint() == state.currentSprint())
                .allMatch(t -> t.status().settled());
        if (!settled || state.tasks().containsKey(reviewId)) {
            return;
        }
        assign(
                out,
                TaskSpec.newBuilder()
                        .setTaskId(reviewId)
                        .setRole(AgentRole.AGENT_ROLE_QA)
                        .setTitle("Review of sprint " + state.currentSprint())
                        .setDescription("Run the project's tests on the whole workspace and report defects.")
                        .setKind(TaskKind.TASK_KIND_SPRINT_REVIEW)
                        .build(),
                1);
    }
}
