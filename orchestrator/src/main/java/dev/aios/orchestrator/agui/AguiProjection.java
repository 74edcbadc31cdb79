package dev.aios.orchestrator.agui;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.agui.AguiEvent.RunError;
import dev.aios.orchestrator.agui.AguiEvent.RunFinished;
import dev.aios.orchestrator.agui.AguiEvent.RunStarted;
import dev.aios.orchestrator.agui.AguiEvent.StateDelta;
import dev.aios.orchestrator.agui.AguiEvent.StateSnapshot;
import dev.aios.orchestrator.agui.AguiEvent.StepFinished;
import dev.aios.orchestrator.agui.AguiEvent.StepStarted;
import dev.aios.orchestrator.planning.TaskState;
import dev.aios.orchestrator.planning.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One project's stored events as AG-UI events (ADR 0016), event by event: the project is one run (thread and run id
 * are the project id), planning, each sprint and each task a step, the {@link Board} a snapshot at the start and a
 * JSON-Patch delta after every event that changes it, model calls and other facts custom events, and the project's end
 * {@code RUN_FINISHED} (delivered; {@code cancelled} when a person stopped it) or {@code RUN_ERROR} (failed, or stopped
 * by the platform) with the reason. Pure: the same events give the same AG-UI events. A fold over one stream.
 */
final class AguiProjection {
    static final String PLANNING_STEP = "planning";

    private final String projectId;
    private final Board board = new Board();
    // open steps by key (planning, sprint N, task ID) in the order they opened, with their names; tasks that ever had
    // a step, so a step opens once per task
    private final Map<String, String> openSteps = new LinkedHashMap<>();
    private final Set<String> steppedTasks = new HashSet<>();
    private final TokenUsage usage = new TokenUsage();
    private ObjectNode shown = JsonNodeFactory.instance.objectNode();
    private boolean started;
    private long lastTimestamp;

    AguiProjection(String projectId) {
        this.projectId = projectId;
    }

    /**
     * Folds an event the client has already seen (a stream resumed with {@code Last-Event-ID}) without sending it;
     * {@link #reopen} then gives what a resumed stream starts with.
     */
    void skip(Message event, Instant storedAt) {
        apply(event, storedAt);
    }

    /**
     * What a stream resumed after the events folded so far starts with, so that every connection is a whole AG-UI run
     * as a client's verifier expects: the run, the board as it is now, and the steps open now.
     */
    List<AguiEvent> reopen() {
        var out = new ArrayList<AguiEvent>();
        out.add(new RunStarted(lastTimestamp, projectId, projectId));
        shown = board.json();
        out.add(new StateSnapshot(lastTimestamp, shown));
        openSteps.values().forEach(name -> out.add(new StepStarted(lastTimestamp, name)));
        return out;
    }

    /** The AG-UI events one stored event stands for, in the order to send them. */
    List<AguiEvent> apply(Message event, Instant storedAt) {
        long at = storedAt.toEpochMilli();
        lastTimestamp = at;
        board.apply(event);
        var out = new ArrayList<AguiEvent>();
        if (!started) {
            started = true;
            out.add(new RunStarted(at, projectId, projectId));
            shown = board.json();
            out.add(new StateSnapshot(at, shown));
        }
        openSteps(event, at, out);
        custom(event, at, out);
        ObjectNode now = board.json();
        ArrayNode delta = JsonPatches.diff(shown, now);
        shown = now;
        if (!delta.isEmpty()) {
            out.add(new StateDelta(at, delta));
        }
        closeSteps(event, at, out);
        end(event, at, out);
        return out;
    }

    private void openSteps(Message event, long at, List<AguiEvent> out) {
        switch (event) {
            case PlanProject e -> open(PLANNING_STEP, PLANNING_STEP, at, out);
            case SprintPlanned e -> open(sprintStep(e.getSprintNumber()), sprintStep(e.getSprintNumber()), at, out);
            default -> {}
        }
        for (TaskState t : board.project().tasks().values()) {
            String id = t.spec().getTaskId();
            if (t.status() != TaskStatus.PENDING && t.status() != TaskStatus.BLOCKED && steppedTasks.add(id)) {
                open(taskStep(id), id + ": " + t.spec().getTitle(), at, out);
            }
        }
    }

    private void closeSteps(Message event, long at, List<AguiEvent> out) {
        for (TaskState t : board.project().tasks().values()) {
            if (t.status().settled()) {
                close(taskStep(t.spec().getTaskId()), at, out);
            }
        }
        switch (event) {
            case BacklogAccepted e -> close(PLANNING_STEP, at, out);
            case SprintCompleted e -> close(sprintStep(e.getSprintNumber()), at, out);
            default -> {}
        }
    }

    private void custom(Message event, long at, List<AguiEvent> out) {
        if (event instanceof LlmCallCompleted e) {
            usage.add(e);
        }
        CustomEvents.of(event, at).ifPresent(out::add);
    }

    private void end(Message event, long at, List<AguiEvent> out) {
        switch (event) {
            case ProjectDelivered e -> {
                closeAll(at, out);
                ObjectNode result = JsonNodeFactory.instance
                        .objectNode()
                        .put("sprints", e.getSprints())
                        .put("tasksCompleted", e.getTasksCompleted())
                        .put("tasksAbandoned", e.getTasksAbandoned())
                        .put("spentMicros", board.project().spentMicros())
                        .put("summary", e.getSummary());
                out.add(new RunFinished(at, projectId, projectId, "success", result, usage.json()));
            }
            case ProjectStopped e
            when e.getCause() == StopCause.STOP_CAUSE_USER -> {
                closeAll(at, out);
                ObjectNode result = JsonNodeFactory.instance
                        .objectNode()
                        .put("reason", e.getReason())
                        .put("stoppedBy", e.getStoppedBy());
                out.add(new RunFinished(at, projectId, projectId, "cancelled", result, usage.json()));
            }
            case ProjectStopped e -> {
                closeAll(at, out);
                String cause = e.getCause().name().replace("STOP_CAUSE_", "").toLowerCase(Locale.ROOT);
                out.add(new RunError(
                        at, e.getReason().isEmpty() ? "stopped: " + cause : e.getReason(), cause, usage.json()));
            }
            case ProjectFailed e -> {
                closeAll(at, out);
                out.add(new RunError(at, e.getReason(), "failed", usage.json()));
            }
            default -> {}
        }
    }

    private void open(String key, String name, long at, List<AguiEvent> out) {
        if (!openSteps.containsKey(key)) {
            openSteps.put(key, name);
            out.add(new StepStarted(at, name));
        }
    }

    private void close(String key, long at, List<AguiEvent> out) {
        String name = openSteps.remove(key);
        if (name != null) {
            out.add(new StepFinished(at, name));
        }
    }

    /** Every open step, the last opened first: a run ends with none open. */
    private void closeAll(long at, List<AguiEvent> out) {
        List<String> keys = new ArrayList<>(openSteps.keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            close(keys.get(i), at, out);
        }
    }

    /** A task's key among the open steps; a task id may be any name, "planning" included. */
    private static String taskStep(String taskId) {
        return "task " + taskId;
    }

    private static String sprintStep(int number) {
        return "sprint " + number;
    }
}
