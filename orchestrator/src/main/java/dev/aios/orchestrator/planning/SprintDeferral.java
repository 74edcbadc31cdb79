package dev.aios.orchestrator.planning;

import dev.aios.events.v1.ApprovalKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A person rejecting a sprint's plan may leave tasks out of it (ADR 0014): the new plan is the old one without them
 * and without the plan's tasks that depend on them, directly or through another left-out task; those stay in the
 * backlog for a later sprint. The API checks a rejection with {@link #remaining} before it is decided, and the planner
 * makes the new plan with it, so both refuse the same things.
 */
public final class SprintDeferral {
    private SprintDeferral() {}

    /**
     * The plan's tasks that stay, in the plan's order; refused (with the reason) when the item is not a sprint's
     * plan, a task to leave out is not in it, or nothing would stay.
     */
    public static List<String> remaining(ProjectState state, Approval plan, List<String> deferred) {
        if (deferred.isEmpty()) {
            return plan.request().getSprintTaskIdsList();
        }
        if (plan.kind() != ApprovalKind.APPROVAL_KIND_SPRINT) {
            throw new IllegalArgumentException(
                    "only a sprint's plan can leave tasks out; " + plan.itemId() + " is not one");
        }
        List<String> planned = plan.request().getSprintTaskIdsList();
        for (String id : deferred) {
            if (!planned.contains(id)) {
                throw new IllegalArgumentException("task " + id + " is not in the plan of " + plan.itemId() + " ("
                        + String.join(", ", planned) + ")");
            }
        }
        Set<String> out = new HashSet<>(deferred);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String id : planned) {
                if (!out.contains(id) && dependsOnAny(state, id, out)) {
                    out.add(id);
                    grew = true;
                }
            }
        }
        List<String> stay = new ArrayList<>();
        planned.stream().filter(id -> !out.contains(id)).forEach(stay::add);
        if (stay.isEmpty()) {
            throw new IllegalArgumentException(
                    "leaving out " + String.join(", ", deferred) + " leaves nothing in the plan of " + plan.itemId()
                            + " (the other tasks depend on them): reject without leaving tasks out instead");
        }
        return stay;
    }

    private static boolean dependsOnAny(ProjectState state, String taskId, Set<String> out) {
        return state.task(taskId)
                .map(t -> t.spec().getDependsOnList().stream().anyMatch(out::contains))
                .orElse(false);
    }
}
