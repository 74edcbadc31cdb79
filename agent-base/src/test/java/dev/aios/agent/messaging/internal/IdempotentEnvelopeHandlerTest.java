package dev.aios.agent.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.agent.TransientFailureException;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskProgress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotentEnvelopeHandlerTest {
    private final InMemoryInboxStore inbox = new InMemoryInboxStore();
    private final List<String> effects = new ArrayList<>();

    @Test
    void aRedeliveredEventRunsTheHandlerOnlyOnce() throws Exception {
        // given
        IdempotentEnvelopeHandler handler =
                new IdempotentEnvelopeHandler("projector", inbox, m -> effects.add(m.eventId()));
        ReceivedEnvelope message = message();

        // when
        handler.handle(message);
        handler.handle(message);

        // then
        assertThat(effects).containsExactly(message.eventId());
    }

    @Test
    void aFailedAttemptIsNotRecordedSoTheRetryRunsAgain() throws Exception {
        // given
        List<Integer> calls = new ArrayList<>();
        IdempotentEnvelopeHandler handler = new IdempotentEnvelopeHandler("projector", inbox, m -> {
            calls.add(m.attempt());
            if (m.attempt() == 1) {
                throw new TransientFailureException("database restarting");
            }
        });
        ReceivedEnvelope first = message();
        ReceivedEnvelope retry = new ReceivedEnvelope(first.envelope(), first.payload(), 2, first.queue());

        // when
        assertThatThrownBy(() -> handler.handle(first)).isInstanceOf(TransientFailureException.class);
        handler.handle(retry);

        // then
        assertThat(calls).containsExactly(1, 2);
        assertThat(inbox.alreadyProcessed("projector", first.eventId())).isTrue();
        assertThat(inbox.alreadyProcessed("another-consumer", first.eventId())).isFalse();
    }

    private static ReceivedEnvelope message() {
        Envelope envelope =
                Envelopes.wrap(TaskProgress.newBuilder().setMessage("x").build(), EnvelopeMetadata.of("test", "p"));
        return new ReceivedEnvelope(envelope, Envelopes.unwrap(envelope), 1, "q");
    }
}
