package dev.aios.orchestrator.agui;

import com.google.protobuf.Message;
import dev.aios.events.v1.LlmCallCompleted;
import dev.aios.events.v1.SprintCompleted;
import dev.aios.events.v1.SprintPlanned;
import dev.aios.events.v1.SprintReviewed;
import dev.aios.events.v1.TaskSpec;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The board as a project's events tell it, the state an AG-UI client holds: the project, its budget, progress, sprints
 * and tasks (each with status, agent, model tier and cost), with the values and names of {@code GET /projects/{id}},
 * {@code /tasks} and {@code /sprints}. Tasks come from the planner's own fold ({@link ProjectState}), so the two never
 * disagree on a status. A fold over one stream: it lives inside one {@link AguiProjection}.
 */
final class Board {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProjectState project = ProjectState.initial();
    private final Map<String, Charges> charges = new HashMap<>();
    private final List<Sprint> sprints = new ArrayList<>();
    // a task's node is rebuilt only when its state or charges changed, so a step of a large board stays cheap
    private final Map<String, Cached> nodes = new HashMap<>();

    private record Charges(long costMicros, int calls, String tier, String model) {}

    private record Sprint(
            int number,
            String status,
            List<String> taskIds,
            int plannedPoints,
            Boolean reviewPassed,
            int defects,
            long costMicros) {}

    private record Cached(TaskState state, Charges charges, ObjectNode node) {}

    void apply(Message event) {
        int sprintBefore = project.currentSprint();
        project = ProjectState.evolve(project, event);
        switch (event) {
            case SprintPlanned e ->
                sprints.add(new Sprint(
                        e.getSprintNumber(),
                        "OPEN",
                        List.copyOf(e.getTaskIdsList()),
                        e.getPlannedPoints(),
                        null,
                        0,
                        0));
            case SprintReviewed e ->
                sprint(
                        e.getSprintNumber(),
                        s -> new Sprint(
                                s.number(),
                                s.status(),
                                s.taskIds(),
                                s.plannedPoints(),
                                e.getPassed(),
                                e.getDefectsCount(),
                                s.costMicros()));
            case SprintCompleted e ->
                sprint(
                        e.getSprintNumber(),
                        s -> new Sprint(
                                s.number(),
                                "COMPLETED",
                                s.taskIds(),
                                s.plannedPoints(),
                                s.reviewPassed(),
                                s.defects(),
                                s.costMicros()));
            case LlmCallCompleted e -> charge(e, sprintBefore);
            default -> {}
        }
    }

    ProjectState project() {
        return project;
    }

    /** The board now, as JSON. */
    ObjectNode json() {
        ObjectNode board = JSON.objectNode();
        board.putObject("project")
                .put("id", project.projectId())
                .put("name", project.name())
                .put("status", project.status().name())
                .put("currentSprint", project.currentSprint())
                .put("stopReason", project.stopReason());
        board.putObject("budget")
                .put("budgetMicros", project.budgetMicros())
                .put("spentMicros", project.spentMicros())
                .put("leftMicros", Math.max(0, project.budgetMicros() - project.spentMicros()));
        board.putObject("progress").put("tasksDone", project.tasksCompleted()).put("tasksTotal", project.tasksTotal());
        ArrayNode sprintNodes = board.putArray("sprints");
        sprints.forEach(s -> sprintNodes.add(sprint(s)));
        ObjectNode tasks = board.putObject("tasks");
        project.tasks().forEach((id, t) -> tasks.set(id, task(t)));
        return board;
    }

    private void charge(LlmCallCompleted e, int sprint) {
        // as the read tables: a call counts to its task once the task is known, and to the sprint open at the time
        if (project.tasks().containsKey(e.getTaskId())) {
            Charges before = charges.getOrDefault(e.getTaskId(), new Charges(0, 0, "", ""));
            charges.put(
                    e.getTaskId(),
                    new Charges(
                            before.costMicros() + e.getCostMicros(), before.calls() + 1, e.getTier(), e.getModel()));
        }
        sprint(
                sprint,
                s -> new Sprint(
                        s.number(),
                        s.status(),
                        s.taskIds(),
                        s.plannedPoints(),
                        s.reviewPassed(),
                        s.defects(),
                        s.costMicros() + e.getCostMicros()));
    }

    private void sprint(int number, UnaryOperator<Sprint> change) {
        for (int i = 0; i < sprints.size(); i++) {
            if (sprints.get(i).number() == number) {
                sprints.set(i, change.apply(sprints.get(i)));
            }
        }
    }

    private static ObjectNode sprint(Sprint s) {
        ObjectNode node = JSON.objectNode().put("number", s.number()).put("status", s.status());
        ArrayNode ids = node.putArray("taskIds");
        s.taskIds().forEach(ids::add);
        node.put("plannedPoints", s.plannedPoints());
        if (s.reviewPassed() == null) {
            node.putNull("reviewPassed");
        } else {
            node.put("reviewPassed", s.reviewPassed());
        }
        return node.put("defects", s.defects()).put("costMicros", s.costMicros());
    }

    private ObjectNode task(TaskState t) {
        String id = t.spec().getTaskId();
        Charges c = charges.getOrDefault(id, new Charges(0, 0, "", ""));
        Cached cached = nodes.get(id);
        if (cached != null && cached.state() == t && cached.charges().equals(c)) {
            return cached.node();
        }
        TaskSpec s = t.spec();
        ObjectNode node = JSON.objectNode()
                .put("taskId", id)
                .put("role", s.getRole().name().replace("AGENT_ROLE_", "").toLowerCase(Locale.ROOT))
                .put("kind", s.getKind().name().replace("TASK_KIND_", ""))
                .put("title", s.getTitle())
                .put("points", s.getEstimatePoints());
        ArrayNode deps = node.putArray("dependsOn");
        s.getDependsOnList().forEach(deps::add);
        node.put("status", t.status().name()).put("sprint", t.sprint()).put("attempt", t.attempt());
        if (t.agentId() == null) {
            node.putNull("agentId");
        } else {
            node.put("agentId", t.agentId());
        }
        node.put("costMicros", c.costMicros()).put("llmCalls", c.calls());
        putOrNull(node, "tier", c.tier());
        putOrNull(node, "model", c.model());
        nodes.put(id, new Cached(t, c, node));
        return node;
    }

    private static void putOrNull(ObjectNode node, String name, String value) {
        if (value.isEmpty()) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }
}
