package dev.aios.orchestrator.agui;

import dev.aios.orchestrator.api.Refusals;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import dev.aios.orchestrator.stream.StoredEventPump;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's events as an AG-UI event stream (ADR 0016), over the AG-UI HTTP transport: one {@code data:} line of
 * JSON per event, no event names. The last AG-UI event of each stored event carries its stream version as the
 * {@code id}, so {@code Last-Event-ID} resumes after a whole stored event; a resumed stream opens with the run, the
 * board as it is and the open steps, so every connection is a whole run to a client.
 */
@RestController
class AguiStream {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PREFIX_BATCH = 500;

    private final EventStore store;
    private final StoredEventPump pump;

    AguiStream(EventStore store, StoredEventPump pump) {
        this.store = store;
        this.pump = pump;
    }

    @GetMapping(path = "/api/v1/projects/{id}/agui", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The project as an AG-UI event stream (RUN_STARTED, STATE_SNAPSHOT of the board, STATE_DELTA "
                    + "JSON Patches, STEP_STARTED/STEP_FINISHED for planning, sprints and tasks, CUSTOM aios.* events, "
                    + "RUN_FINISHED or RUN_ERROR); ids are stream versions, Last-Event-ID resumes after one; completes after the "
                    + "project's final event")
    @ApiResponse(
            responseCode = "200",
            description = "An AG-UI event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    SseEmitter agui(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        return pump.open(caller, id, lastEventId, "agui", (emitter, after) -> stream(emitter, id, after));
    }

    private void stream(SseEmitter emitter, UUID id, long after) {
        String stream = ProjectDecisions.streamOf(id);
        var projection = new AguiProjection(id.toString());
        try {
            if (pump.endsAt(stream, after)) {
                emitter.complete(); // resumed after the project's last event: nothing more will come
                return;
            }
            long folded = 0;
            while (folded < after) {
                var batch = store.readStream(stream, folded, (int) Math.min(PREFIX_BATCH, after - folded));
                if (batch.isEmpty()) {
                    break; // an id from ahead of the store: what is stored after the last folded event comes again
                }
                for (StoredEvent e : batch) {
                    projection.skip(EventCodec.unwrap(e.envelope()), e.recordedAt());
                    folded = e.streamVersion();
                }
            }
            if (folded > 0) {
                send(emitter, projection.reopen(), null);
            }
            pump.pump(
                    emitter,
                    stream,
                    folded,
                    (e, m) -> send(emitter, projection.apply(m, e.recordedAt()), Long.toString(e.streamVersion())));
        } catch (IOException | IllegalStateException e) {
            // the client went away
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
        }
    }

    /** Sends the events, the last with {@code id} when given: a client resuming from it has had all of them. */
    private static void send(SseEmitter emitter, List<AguiEvent> events, @Nullable String id) throws IOException {
        for (int i = 0; i < events.size(); i++) {
            var event = SseEmitter.event()
                    .data(JSON.writeValueAsString(events.get(i).json()), MediaType.APPLICATION_JSON);
            if (id != null && i == events.size() - 1) {
                event.id(id);
            }
            emitter.send(event);
        }
    }
}
