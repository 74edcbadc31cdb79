package dev.aios.orchestrator.projection;

import com.google.protobuf.Message;
import dev.aios.events.v1.*;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.TaskState;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the read tables in step with the events, in the append's transaction. Every value comes from the
 * event or the state folded from earlier events, never from the clock, so a rebuild writes the same bytes.
 */
@Component
public class Projector {
    private final JdbcTemplate jdbc;

    public Projector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A buffer for one transaction's projection writes; flush it before the transaction commits. */
    public BufferedWrites writes() {
        return new BufferedWrites(jdbc, () -> {});
    }

    /**
     * A buffer whose every flush first runs {@code beforeFlush}: the writes refer to their events' rows, so an
     * appender that inserts events lazily inserts them there.
     */
    public BufferedWrites writes(Runnable beforeFlush) {
        return new BufferedWrites(jdbc, beforeFlush);
    }

    /**
     * Projects one event, identified by its event id (its row must exist when the writes are flushed); {@code after}
     * is the project's state with the event applied. Call {@link #summarise} after the last.
     */
    public void project(BufferedWrites out, UUID eventId, Message event, ProjectState after) {
        UUID project = UUID.fromString(after.projectId());
        switch (event) {
            // the submission time and position are the event row's, as the store recorded them
            case ProjectSubmitted e ->
                out.add(
                        """
                    INSERT INTO projects (project_id, name, status, budget_micros, tenant, submitted_by, submitted_at,
                                          submit_position)
                    SELECT ?, ?, ?, ?, ?, ?, recorded_at, global_position FROM events WHERE event_id = ?
                    """,
                        project,
                        e.getName(),
                        after.status().name(),
                        e.getBudgetMicros(),
                        after.tenant(),
                        e.getSubmittedBy(),
                        eventId);
            case BacklogAccepted e -> after.tasks().values().forEach(t -> upsertTask(out, project, t));
            case SprintReviewed e -> {
                after.tasks().values().forEach(t -> upsertTask(out, project, t));
                out.add(
                        "UPDATE sprints SET review_passed = ?, defects = ? WHERE project_id = ? AND sprint_number = ?",
                        e.getPassed(),
                        e.getDefectsCount(),
                        project,
                        e.getSprintNumber());
            }
            case SprintPlanned e -> {
                out.add(
                        "INSERT INTO sprints (project_id, sprint_number, status, task_ids, planned_points) VALUES (?, ?, 'OPEN', ?, ?)",
                        project,
                        e.getSprintNumber(),
                        String.join(",", e.getTaskIdsList()),
                        e.getPlannedPoints());
                e.getTaskIdsList()
                        .forEach(id -> upsertTask(out, project, after.tasks().get(id)));
            }
            case SprintCompleted e ->
                out.add(
                        "UPDATE sprints SET status = 'COMPLETED' WHERE project_id = ? AND sprint_number = ?",
                        project,
                        e.getSprintNumber());
            case TaskAssigned e -> upsertTask(out, project, after.tasks().get(e.getTaskId()));
            case TaskStarted e -> upsertTask(out, project, after.tasks().get(e.getTaskId()));
            case TaskFailed e -> upsertIfKnown(out, project, after, e.getTaskId());
            case TaskLeaseExpired e -> upsertTask(out, project, after.tasks().get(e.getTaskId()));
            case TaskAbandoned e -> {
                upsertTask(out, project, after.tasks().get(e.getTaskId()));
                e.getBlockedTaskIdsList()
                        .forEach(id -> upsertTask(out, project, after.tasks().get(id)));
            }
            case TaskCompleted e -> {
                upsertTask(out, project, after.tasks().get(e.getTaskId()));
                applyChangeset(out, project, e);
            }
            case LlmCallCompleted e -> chargeCall(out, project, e, after);
            case ApprovalRequested e -> upsertIfKnown(out, project, after, e.getTaskId());
            case ApprovalRejected e -> {
                var approval = after.approvals().get(e.getItemId());
                if (approval != null) {
                    upsertIfKnown(out, project, after, approval.request().getTaskId());
                }
            }
            default -> {}
        }
    }

    /** The project row's values, to tell whether a decision changed them at all. */
    public record Summary(
            String status,
            int currentSprint,
            long budgetMicros,
            long spentMicros,
            int tasksTotal,
            int tasksDone,
            String stopReason,
            int awaitingApprovals) {
        public static Summary of(ProjectState s) {
            return new Summary(
                    s.status().name(),
                    s.currentSprint(),
                    s.budgetMicros(),
                    s.spentMicros(),
                    s.tasksTotal(),
                    s.tasksCompleted(),
                    s.stopReason(),
                    s.awaitingApprovals());
        }
    }

    /** The project's row from its state; once per decision, since only the last state of it counts. */
    public void summarise(BufferedWrites out, ProjectState after) {
        Summary s = Summary.of(after);
        out.add(
                """
                UPDATE projects SET status = ?, current_sprint = ?, budget_micros = ?, spent_micros = ?, tasks_total = ?,
                       tasks_done = ?, stop_reason = ?, awaiting_approvals = ? WHERE project_id = ?
                """,
                s.status(),
                s.currentSprint(),
                s.budgetMicros(),
                s.spentMicros(),
                s.tasksTotal(),
                s.tasksDone(),
                s.stopReason().isEmpty() ? null : s.stopReason(),
                s.awaitingApprovals(),
                UUID.fromString(after.projectId()));
    }

    /** As {@link #summarise(BufferedWrites, ProjectState)}, but writes nothing when the row already holds these values. */
    public void summarise(BufferedWrites out, Summary before, ProjectState after) {
        if (!Summary.of(after).equals(before)) {
            summarise(out, after);
        }
    }

    private void upsertIfKnown(BufferedWrites out, UUID project, ProjectState after, String taskId) {
        TaskState t = after.tasks().get(taskId);
        if (t != null) {
            upsertTask(out, project, t);
        }
    }

    private static final BufferedWrites.Upsert TASKS = new BufferedWrites.Upsert(
            "tasks (project_id, task_id, role, kind, title, points, depends_on, status, sprint, attempt, agent_id)",
            11,
            2,
            """
            ON CONFLICT (project_id, task_id) DO UPDATE SET status = excluded.status, sprint = excluded.sprint,
                attempt = excluded.attempt, agent_id = excluded.agent_id""");

    /** The task's whole row; several writes of one task in a transaction collapse into its last. */
    private void upsertTask(BufferedWrites out, UUID project, TaskState t) {
        TaskSpec s = t.spec();
        out.upsert(
                TASKS,
                project,
                s.getTaskId(),
                roleName(s.getRole()),
                s.getKind().name().replace("TASK_KIND_", ""),
                s.getTitle(),
                s.getEstimatePoints(),
                String.join(",", s.getDependsOnList()),
                t.status().name(),
                t.sprint(),
                t.attempt(),
                t.agentId());
    }

    private void applyChangeset(BufferedWrites out, UUID project, TaskCompleted e) {
        for (FileWrite w : e.getChangeset().getWritesList()) {
            out.add("""
                    INSERT INTO workspace_files (project_id, path, content, task_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (project_id, path) DO UPDATE SET content = excluded.content, task_id = excluded.task_id
                    """, project, w.getPath(), w.getContent().toByteArray(), e.getTaskId());
        }
        for (FileDelete d : e.getChangeset().getDeletesList()) {
            out.add("DELETE FROM workspace_files WHERE project_id = ? AND path = ?", project, d.getPath());
        }
    }

    private void chargeCall(BufferedWrites out, UUID project, LlmCallCompleted e, ProjectState after) {
        int sprint = after.currentSprint();
        out.add(
                """
                INSERT INTO costs (project_id, call_id, task_id, sprint_number, cost_micros, input_tokens, output_tokens)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
                project,
                e.getCallId(),
                e.getTaskId(),
                sprint,
                e.getCostMicros(),
                e.getInputTokens(),
                e.getOutputTokens());
        out.add(
                "UPDATE tasks SET cost_micros = cost_micros + ? WHERE project_id = ? AND task_id = ?",
                e.getCostMicros(),
                project,
                e.getTaskId());
        out.add(
                "UPDATE sprints SET cost_micros = cost_micros + ? WHERE project_id = ? AND sprint_number = ?",
                e.getCostMicros(),
                project,
                sprint);
    }

    static String roleName(AgentRole role) {
        return role.name().replace("AGENT_ROLE_", "").toLowerCase(Locale.ROOT);
    }
}
