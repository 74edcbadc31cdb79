package dev.aios.orchestrator.projection;

import com.google.protobuf.Message;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.GlobalCheckpoint;
import dev.aios.orchestrator.planning.ProjectState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Drops the read tables and replays every event from position 0; the hash proves the result is the same. */
@Component
public class ProjectionRebuild {
    static final List<String> TABLES = List.of("projects", "tasks", "sprints", "workspace_files", "costs");
    private static final Map<String, String> ORDER = Map.of(
            "projects", "project_id",
            "tasks", "project_id, task_id",
            "sprints", "project_id, sprint_number",
            "workspace_files", "project_id, path",
            "costs", "project_id, call_id");

    private final JdbcTemplate jdbc;
    private final EventStore store;
    private final Projector projector;
    private final TransactionTemplate tx;

    public ProjectionRebuild(JdbcTemplate jdbc, EventStore store, Projector projector, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.store = store;
        this.projector = projector;
        this.tx = tx;
    }

    /** Rebuilds in one transaction, so readers see the old tables until the new ones are complete. */
    public String rebuild() {
        tx.executeWithoutResult(status -> {
            jdbc.execute("TRUNCATE " + String.join(", ", TABLES));
            Map<String, ProjectState> states = new HashMap<>();
            BufferedWrites writes = projector.writes();
            GlobalCheckpoint checkpoint = GlobalCheckpoint.START;
            while (true) {
                var batch = store.readAll(checkpoint, 1000);
                if (batch.isEmpty()) {
                    break;
                }
                for (var c : batch) {
                    checkpoint = c.checkpoint();
                    if (!c.event().streamId().startsWith("project-")) {
                        continue; // only project streams feed these tables
                    }
                    Message event = EventCodec.unwrap(c.event().envelope());
                    ProjectState state = ProjectState.evolve(
                            states.getOrDefault(c.event().streamId(), ProjectState.initial()), event);
                    states.put(c.event().streamId(), state);
                    projector.project(
                            writes, UUID.fromString(c.event().envelope().getEventId()), event, state);
                    projector.summarise(writes, state);
                }
            }
            writes.flush();
        });
        return hash();
    }

    /** SHA-256 over every projection row in key order, rendered by PostgreSQL's row text. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String table : TABLES) {
                String rows = jdbc.queryForObject(
                        "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY " + ORDER.get(table) + "), '') FROM "
                                + table + " t",
                        String.class);
                digest.update((table + "\n" + rows + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
