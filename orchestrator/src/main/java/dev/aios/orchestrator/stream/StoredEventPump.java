package dev.aios.orchestrator.stream;

import com.google.protobuf.Message;
import dev.aios.events.v1.ProjectDelivered;
import dev.aios.events.v1.ProjectFailed;
import dev.aios.events.v1.ProjectStopped;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.people.Caller;
import dev.aios.orchestrator.people.ProjectOwnership;
import dev.aios.orchestrator.problem.ApiProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Feeds one project's stored events, in stream-version order after a given version, to a sink that writes them to a
 * server-sent event stream; heartbeat comments keep proxies from closing an idle stream, and the stream completes after
 * the project's final event ({@code ProjectDelivered}, {@code ProjectStopped}, {@code ProjectFailed}).
 */
@Component
public class StoredEventPump {
    private final EventStore store;
    private final ProjectOwnership ownership;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;

    /** Writes one stored event (already unwrapped) to the stream. */
    @FunctionalInterface
    public interface Sink {
        void send(StoredEvent stored, Message event) throws IOException;
    }

    /** Writes a project's stream to an opened emitter, starting after the event numbered {@code after}. */
    @FunctionalInterface
    public interface Feed {
        void feed(SseEmitter emitter, long after);
    }

    StoredEventPump(
            EventStore store,
            ProjectOwnership ownership,
            @Value("${aios.orchestrator.sse-poll-interval:200ms}") Duration pollInterval,
            @Value("${aios.orchestrator.sse-heartbeat-interval:10s}") Duration heartbeatInterval) {
        this.store = store;
        this.ownership = ownership;
        this.pollInterval = pollInterval;
        this.heartbeatInterval = heartbeatInterval;
    }

    /**
     * Opens a stream of project {@code id} for {@code caller}: a malformed {@code Last-Event-ID} is a 400, a project
     * the caller may not see a 404; otherwise {@code feed} writes to the returned emitter on a virtual thread of its own
     * (named {@code threadPrefix-id}), from the version the header names.
     *
     * <p>The stream opens with an {@code :open} comment, written with the response's headers as soon as the request is
     * answered: the headers go out with the first write, and without it they would wait for the feed's first read from
     * the store, or, resumed at the head of a quiet project, for its first heartbeat.
     */
    public SseEmitter open(Caller caller, UUID id, @Nullable String lastEventId, String threadPrefix, Feed feed) {
        long after = parseLastEventId(lastEventId);
        if (!ownership.visibleTo(caller, id)) {
            throw ApiProblem.notFound("no project " + id);
        }
        var emitter = new SseEmitter(0L);
        try {
            emitter.send(SseEmitter.event().comment("open")); // held until the handler returns, then sent first
        } catch (IOException e) {
            throw new UncheckedIOException(e); // nothing is written before the handler returns
        }
        Thread.ofVirtual().name(threadPrefix + "-" + id).start(() -> feed.feed(emitter, after));
        return emitter;
    }

    /** The version a {@code Last-Event-ID} header names (0 when absent); a malformed one is a 400. */
    public static long parseLastEventId(@Nullable String lastEventId) {
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

    public static boolean isFinal(Message m) {
        return m instanceof ProjectDelivered || m instanceof ProjectStopped || m instanceof ProjectFailed;
    }

    /** Whether the event numbered {@code version} is the project's final one. */
    public boolean endsAt(String stream, long version) {
        if (version == 0) {
            return false;
        }
        var at = store.readStream(stream, version - 1, 1);
        return !at.isEmpty() && isFinal(EventCodec.unwrap(at.getFirst().envelope()));
    }

    /**
     * Sends every event after {@code after} to {@code sink} as it is stored, until the final one, then completes the
     * emitter; returns at once, completing it, when {@code after} is the final event already. Blocks: run it on a
     * thread of its own.
     */
    public void pump(SseEmitter emitter, String stream, long after, Sink sink) {
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
                    sink.send(e, m);
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
}
