package dev.aios.orchestrator.dispatch;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskKind;
import dev.aios.knowledge.KnowledgeBase;
import dev.aios.orchestrator.planning.ProjectState;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills an assignment's relevant files. A sprint review gets the whole workspace. Any other task gets the files its
 * dependencies wrote, as they wrote them, then knowledge-base hits among the files of earlier sprints. Both depend only
 * on the backlog and on what finished before: never on which unrelated task of the sprint happened to finish first, so
 * the same run gives the same prompts (and a recorded run replays).
 */
@Component
class AssignmentContext {
    static final int MAX_HITS = 8;

    private final JdbcTemplate jdbc;
    private final KnowledgeBase knowledge;

    AssignmentContext(JdbcTemplate jdbc, KnowledgeBase knowledge) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
    }

    /** Runs inside the decision's transaction; {@code history} is the project's stream so far. */
    TaskAssigned enrich(TaskAssigned assigned, ProjectState state, List<Message> history) {
        var builder = assigned.toBuilder();
        var context = builder.getContextBuilder();
        if (assigned.getTask().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
            jdbc.query(
                    "SELECT path, content FROM workspace_files WHERE project_id = ? ORDER BY path",
                    rs -> {
                        context.addRelevantFiles(FileWrite.newBuilder()
                                .setPath(rs.getString(1))
                                .setContent(ByteString.copyFrom(rs.getBytes(2))));
                    },
                    UUID.fromString(assigned.getProjectId()));
            return builder.build();
        }
        Map<String, ByteString> dependencyFiles = writtenBy(state.dependencyClosure(assigned.getTaskId()), history);
        dependencyFiles.forEach((path, content) ->
                context.addRelevantFiles(FileWrite.newBuilder().setPath(path).setContent(content)));
        Set<String> earlier = new LinkedHashSet<>(state.pathsOfEarlierSprints());
        earlier.removeAll(dependencyFiles.keySet());
        int room = MAX_HITS - dependencyFiles.size();
        if (room > 0 && !earlier.isEmpty()) {
            String query =
                    assigned.getTask().getTitle() + "\n" + assigned.getTask().getDescription();
            for (var hit : knowledge.search(assigned.getProjectId(), query, room, earlier)) {
                context.addRelevantFiles(FileWrite.newBuilder()
                        .setPath(hit.source())
                        .setContent(ByteString.copyFrom(hit.text(), StandardCharsets.UTF_8)));
            }
        }
        return builder.build();
    }

    /**
     * The files the given tasks (nearest dependency first) wrote: applied farthest first, so a nearer task's version of a
     * file wins, in an order that depends on the backlog alone, never on which of them finished first.
     */
    static Map<String, ByteString> writtenBy(List<String> closure, List<Message> history) {
        Map<String, ByteString> files = new LinkedHashMap<>();
        if (closure.isEmpty()) {
            return files;
        }
        Map<String, TaskCompleted> completions = new HashMap<>();
        for (Message m : history) {
            if (m instanceof TaskCompleted done && closure.contains(done.getTaskId())) {
                completions.put(done.getTaskId(), done);
            }
        }
        for (String taskId : closure.reversed()) {
            TaskCompleted done = completions.get(taskId);
            if (done == null) {
                continue;
            }
            for (FileWrite w : done.getChangeset().getWritesList()) {
                files.put(w.getPath(), w.getContent());
            }
            for (FileDelete d : done.getChangeset().getDeletesList()) {
                files.remove(d.getPath());
            }
        }
        return files;
    }
}
