package dev.aios.agent.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.PublishFailedException;
import dev.aios.agent.testkit.RecordingEnvelopePublisher;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskStarted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MeteredEnvelopePublisherTest {
    @Test
    void timesConfirmedAndFailedPublishesByTypeAndOutcome() {
        // given
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RecordingEnvelopePublisher recorder = new RecordingEnvelopePublisher();
        MeteredEnvelopePublisher publisher = new MeteredEnvelopePublisher(recorder, registry);
        Envelope envelope = Envelopes.wrap(TaskStarted.getDefaultInstance(), EnvelopeMetadata.of("test", "p"));

        // when
        publisher.publish(Destination.event(envelope.getType()), envelope);
        recorder.failNextPublishes(PublishFailedException.Cause.RETURNED);
        publisher.publish(Destination.event(envelope.getType()), envelope);

        // then
        assertThat(registry.get("aios.messaging.publish")
                        .tag("type", "aios.events.v1.TaskStarted")
                        .tag("outcome", "confirmed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("aios.messaging.publish")
                        .tag("outcome", "returned")
                        .timer()
                        .count())
                .isEqualTo(1);
    }
}
