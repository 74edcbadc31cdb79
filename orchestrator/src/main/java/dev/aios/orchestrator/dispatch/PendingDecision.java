package dev.aios.orchestrator.dispatch;

import com.google.protobuf.Message;
import dev.aios.events.v1.Envelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One message waiting for its decision and the future its caller waits on. {@code cause} is the envelope it arrived
 * in (its event id is the inbox key); null for API requests.
 */
record PendingDecision(
        UUID projectId,
        Message incoming,
        @Nullable Envelope cause,
        CompletableFuture<ProjectDecisions.Outcome> result) {

    PendingDecision(UUID projectId, Message incoming, @Nullable Envelope cause) {
        this(projectId, incoming, cause, new CompletableFuture<>());
    }

    /** The batch's messages grouped by project, projects and messages in arrival order. */
    static Map<UUID, List<PendingDecision>> byProject(List<PendingDecision> batch) {
        var byProject = new LinkedHashMap<UUID, List<PendingDecision>>();
        for (PendingDecision p : batch) {
            byProject.computeIfAbsent(p.projectId(), id -> new ArrayList<>()).add(p);
        }
        return byProject;
    }
}
