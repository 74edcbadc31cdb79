package dev.aios.router.usage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.PublishFailedException;
import dev.aios.agent.testkit.RecordingEnvelopePublisher;
import dev.aios.events.v1.LlmCallCompleted;
import dev.aios.router.client.TokenUsage;
import dev.aios.router.usage.LlmCall;
import org.junit.jupiter.api.Test;

class EnvelopeUsageRecorderTest {
    private final RecordingEnvelopePublisher publisher = new RecordingEnvelopePublisher();
    private final EnvelopeUsageRecorder recorder = new EnvelopeUsageRecorder(publisher, "llm-router/test");

    private static LlmCall call() {
        return new LlmCall(
                "call-1",
                "p-42",
                "T3",
                "backend",
                "claude",
                "gpt",
                "anthropic",
                "claude-sonnet-4-5",
                new TokenUsage(812, 640),
                12036,
                950,
                false,
                true,
                false,
                false,
                0.71,
                "score 0.710 chose gpt");
    }

    @Test
    void publishesLlmCallCompletedWithEveryFieldOnTheEventsExchange() {
        // when
        recorder.record(call());

        // then
        assertThat(publisher.published()).singleElement().satisfies(p -> {
            assertThat(p.destination()).isEqualTo(new Destination(Destination.EVENTS_EXCHANGE, "llm.call_completed"));
            assertThat(p.envelope().getEventId()).isEqualTo("call-1");
            assertThat(p.envelope().getCorrelationId()).isEqualTo("p-42");
            assertThat(p.envelope().getStreamId()).isEqualTo("project-p-42");
            assertThat(p.envelope().getProducer()).isEqualTo("llm-router/test");
        });
        LlmCallCompleted event = publisher.payloads(LlmCallCompleted.class).getFirst();
        assertThat(event.getTier()).isEqualTo("claude");
        assertThat(event.getRequestedTier()).isEqualTo("gpt");
        assertThat(event.getCostMicros()).isEqualTo(12036);
        assertThat(event.getInputTokens()).isEqualTo(812);
        assertThat(event.getOutputTokens()).isEqualTo(640);
        assertThat(event.getFallback()).isTrue();
        assertThat(event.getLatencyMs()).isEqualTo(950);
        assertThat(event.getDecisionReason()).isEqualTo("score 0.710 chose gpt");
    }

    @Test
    void aFailedPublishDoesNotFailTheCall() {
        // given
        publisher.failNextPublishes(PublishFailedException.Cause.values()[0]);

        // when / then: the failure is logged, not thrown at the caller who already has the answer
        assertThatCode(() -> recorder.record(call())).doesNotThrowAnyException();
        assertThat(publisher.published()).isEmpty();
    }
}
