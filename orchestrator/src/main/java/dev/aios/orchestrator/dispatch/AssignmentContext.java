package dev.aios.orchestrator.dispatch;

import dev.aios.events.v1.FileWrite;
import dev.aios.events.v1.TaskAssigned;
import dev.aios.events.v1.TaskKind;
import dev.aios.knowledge.KnowledgeBase;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills an assignment's relevant files: the whole workspace for a sprint review, knowledge-base hits for any
 * other task. Runs inside the decision's transaction, so it sees the workspace as of this decision.
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

    TaskAssigned enrich(TaskAssigned assigned) {
        var builder = assigned.toBuilder();
        var context = builder.getContextBuilder();
        if (assigned.getTask().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW) {
            jdbc.query("SELECT path, content FROM workspace_files WHERE project_id = ? ORDER BY path",
                    rs -> {
                        context.addRelevantFiles(FileWrite.newBuilder()
                                .setPath(rs.getString(1))
                                .setContent(ByteString.copyFrom(rs.getBytes(2))));
                    },
                    UUID.fromString(assigned.getProjectId()));
        } else {
            String query = assigned.getTask().getTitle() + "\n" + assigned.getTask().getDescription();
            for (var hit : knowledge.search(assigned.getProjectId(), query, MAX_HITS)) {
                context.addRelevantFiles(FileWrite.newBuilder()
                        .setPath(hit.source())
                        .setContent(ByteString.copyFrom(hit.text(), StandardCharsets.UTF_8)));
            }
        }
        return builder.build();
    }
}
