package dev.aios.orchestrator.stream;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.aios.events.v1.ProjectDelivered;
import dev.aios.events.v1.ProjectFailed;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.orchestrator.api.Refusals;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.ProjectOwnership;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of one project, read from the store in stream-version order (ids are stream versions, so a
 * reconnect with {@code Last-Event-ID} resumes with no gap and no duplicate). Heartbeat comments keep proxies
 * from closing an idle stream; the stream completes after the project's last event.
 */
@RestController
class ProjectEventStream {
    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private final EventStore store;
    private final ProjectOwnership ownership;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;

    ProjectEventStream(EventStore store, ProjectOwnership ownership,
            @Value("${aios.orchestrator.sse-poll-interval:200ms}") Duration pollInterval,
            @Value("${aios.orchestrator.sse-heartbeat-interval:10s}") Duration heartbeatInterval) {
        this.store = store;
        this.ownership = ownership;
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
    }

    @GetMapping(path = "/api/v1/projects/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events of the project; ids are stream versions, Last-Event-ID resumes after one; "
            + "the stream completes after ProjectDelivered, ProjectStopped or ProjectFailed")
    @ApiResponse(responseCode = "200", description = "An event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    SseEmitter events(Caller caller, @PathVariable UUID id, @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        long after = parseLastEventId(lastEventId);
        if (!ownership.visibleTo(caller, id)) {
            throw ApiProblem.notFound("no project " + id);
        }
        var emitter = new SseEmitter(0L);
        Thread.ofVirtual().name("sse-" + id).start(() -> pump(emitter, ProjectDecisions.streamOf(id), after));
        return emitter;
    }

    static long parseLastEventId(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(lastEventId.trim());
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("Last-Event-ID must be a non-negative event number, got '" + lastEventId + "'");
        }
    }

    private void pump(SseEmitter emitter, String stream, long after) {
        long last = after;
        long lastSend = System.nanoTime();
        try {
            if (endsAt(stream, after)) {
                emitter.complete(); // resumed after the project's last event: there is nothing more to wait for
                return;
            }
            while (true) {
                var batch = store.readStream(stream, last, 200);
                for (StoredEvent e : batch) {
                    Message m = EventCodec.unwrap(e.envelope());
                    emitter.send(SseEmitter.event()
                            .id(Long.toString(e.streamVersion()))
                            .name(m.getDescriptorForType().getName())
                            .data(render(e, m), MediaType.APPLICATION_JSON));
                    last = e.streamVersion();
                    lastSend = System.nanoTime();
                    if (isFinal(m)) {
                        emitter.complete();
                        return;
                    }
                }
                if (batch.isEmpty()) {
                    if (System.nanoTime() - lastSend >= heartbeatInterval.toNanos()) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                        lastSend = System.nanoTime();
                    }
                    Thread.sleep(pollInterval);
                }
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away: nothing to clean up beyond this thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
        }
    }

    /** Whether the event numbered {@code version} is the project's final one. */
    private boolean endsAt(String stream, long version) {
        if (version == 0) {
            return false;
        }
        var at = store.readStream(stream, version - 1, 1);
        return !at.isEmpty() && isFinal(EventCodec.unwrap(at.getFirst().envelope()));
    }

    private static boolean isFinal(Message m) {
        return m instanceof ProjectDelivered || m instanceof ProjectStopped || m instanceof ProjectFailed;
    }

    private static String render(StoredEvent e, Message m) throws InvalidProtocolBufferException {
        return "{\"streamVersion\":" + e.streamVersion() + ",\"globalPosition\":" + e.globalPosition()
                + ",\"eventId\":\"" + e.envelope().getEventId() + "\",\"type\":\"" + e.envelope().getType()
                + "\",\"recordedAt\":\"" + e.recordedAt() + "\",\"payload\":" + JSON.print(m) + "}";
    }
}
