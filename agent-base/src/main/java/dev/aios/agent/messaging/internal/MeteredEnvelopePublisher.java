package dev.aios.agent.messaging.internal;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.PublishFailedException;
import dev.aios.events.v1.Envelope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Times every publish from send to confirm ({@code aios.messaging.publish}, tagged by message type and outcome:
 * {@code confirmed} or the {@link PublishFailedException.Cause}), so nacks and returns show up on a dashboard too.
 */
public final class MeteredEnvelopePublisher implements EnvelopePublisher {
    private final EnvelopePublisher delegate;
    private final MeterRegistry registry;

    public MeteredEnvelopePublisher(EnvelopePublisher delegate, MeterRegistry registry) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.registry = requireNonNull(registry, "registry");
    }

    @Override
    public CompletableFuture<Void> publish(Destination destination, Envelope envelope) {
        Timer.Sample sample = Timer.start(registry);
        return delegate.publish(destination, envelope)
                .whenComplete((ok, error) -> sample.stop(Timer.builder("aios.messaging.publish")
                        .description("publish to broker confirm")
                        .tag("type", envelope.getType())
                        .tag("outcome", outcome(error))
                        .register(registry)));
    }

    private static String outcome(@Nullable Throwable error) {
        if (error == null) {
            return "confirmed";
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof PublishFailedException failed
                ? failed.failure().name().toLowerCase(Locale.ROOT)
                : "error";
    }
}
