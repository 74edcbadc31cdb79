package dev.aios.agent.testkit;

import com.google.protobuf.Message;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.PublishFailedException;
import dev.aios.events.v1.Envelope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records what would have been published and confirms it at once (or fails it, to test the error path). */
public final class RecordingEnvelopePublisher implements EnvelopePublisher {
    /** One publish: where it went and what it carried. */
    public record Published(Destination destination, Envelope envelope) {
        public Message payload() {
            return Envelopes.unwrap(envelope);
        }
    }

    private final List<Published> published = new ArrayList<>();
    private PublishFailedException.Cause failWith;

    @Override
    public synchronized CompletableFuture<Void> publish(Destination destination, Envelope envelope) {
        if (failWith != null) {
            return CompletableFuture.failedFuture(
                    new PublishFailedException(failWith, "recording publisher told to fail"));
        }
        published.add(new Published(destination, envelope));
        return CompletableFuture.completedFuture(null);
    }

    public synchronized void failNextPublishes(PublishFailedException.Cause cause) {
        this.failWith = cause;
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    public synchronized <T extends Message> List<T> payloads(Class<T> type) {
        return published.stream()
                .map(Published::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    public synchronized List<String> types() {
        return published.stream().map(p -> p.envelope().getType()).toList();
    }
}
