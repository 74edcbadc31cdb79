package dev.aios.orchestrator.stream;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.aios.orchestrator.api.Refusals;
import dev.aios.orchestrator.dispatch.ProjectDecisions;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.LeastRole;
import dev.aios.orchestrator.people.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events of one project, read from the store in stream-version order (ids are stream versions, so a
 * reconnect with {@code Last-Event-ID} resumes with no gap and no duplicate). Heartbeat comments keep proxies
 * from closing an idle stream; the stream completes after the project's last event ({@link StoredEventPump}).
 */
@RestController
class ProjectEventStream {
    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private final StoredEventPump pump;

    ProjectEventStream(StoredEventPump pump) {
        this.pump = pump;
    }

    @GetMapping(path = "/api/v1/projects/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Server-sent events of the project; ids are stream versions, Last-Event-ID resumes after one; "
                    + "the stream completes after ProjectDelivered, ProjectStopped or ProjectFailed")
    @ApiResponse(
            responseCode = "200",
            description = "An event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @LeastRole(Role.VIEWER)
    @Refusals({400, 404})
    SseEmitter events(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        return pump.open(
                caller,
                id,
                lastEventId,
                "sse",
                (emitter, after) -> pump.pump(
                        emitter,
                        ProjectDecisions.streamOf(id),
                        after,
                        (e, m) -> emitter.send(SseEmitter.event()
                                .id(Long.toString(e.streamVersion()))
                                .name(m.getDescriptorForType().getName())
                                .data(render(e, m), MediaType.APPLICATION_JSON))));
    }

    private static String render(StoredEvent e, Message m) throws InvalidProtocolBufferException {
        return "{\"streamVersion\":" + e.streamVersion() + ",\"globalPosition\":" + e.globalPosition()
                + ",\"eventId\":\"" + e.envelope().getEventId() + "\",\"type\":\""
                + e.envelope().getType()
                + "\",\"recordedAt\":\"" + e.recordedAt() + "\",\"payload\":" + JSON.print(m) + "}";
    }
}
