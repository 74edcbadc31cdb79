package dev.aios.agent.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.aios.agent.messaging.internal.MessageTypes;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskFailed;
import dev.aios.events.v1.TaskStarted;
import dev.aios.events.v1.TestReport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
    @Test
    void wrapsAndUnwrapsAnAllowListedMessage() {
        // given
        TaskStarted started = TaskStarted.newBuilder()
                .setProjectId("p-1")
                .setTaskId("T-1")
                .setAgentId("backend-1")
                .build();

        // when
        Envelope envelope = Envelopes.wrap(
                started, EnvelopeMetadata.of("agents-backend/1", "p-1").withStream("project-p-1", 3));

        // then
        assertThat(envelope.getEventId()).isNotBlank();
        assertThat(envelope.getType()).isEqualTo("aios.events.v1.TaskStarted");
        assertThat(envelope.getCorrelationId()).isEqualTo("p-1");
        assertThat(envelope.getStreamVersion()).isEqualTo(3);
        assertThat(envelope.getOccurredAt().getSeconds()).isPositive();
        assertThat(Envelopes.unwrap(Envelopes.parse(envelope.toByteArray()))).isEqualTo(started);
    }

    @Test
    void aReactionCarriesTheCausesCorrelationTraceAndEventIdAsCausation() {
        // given
        Envelope cause = Envelopes.wrap(
                TaskStarted.getDefaultInstance(),
                new EnvelopeMetadata("", "project-9", 1, "corr-9", "", "orchestrator", "00-abc-def-01"));

        // when
        Envelope reaction =
                Envelopes.wrap(TaskFailed.getDefaultInstance(), EnvelopeMetadata.causedBy(cause, "agents-qa/1"));

        // then
        assertThat(reaction.getCausationId()).isEqualTo(cause.getEventId());
        assertThat(reaction.getCorrelationId()).isEqualTo("corr-9");
        assertThat(reaction.getTrace().getTraceparent()).isEqualTo("00-abc-def-01");
        assertThat(reaction.getEventId()).isNotEqualTo(cause.getEventId());
    }

    @Test
    void refusesToParseATypeThatIsNotOnTheAllowList() {
        Envelope foreign = Envelope.newBuilder()
                .setEventId("e-1")
                .setType("evil.RemoteCodeExecution")
                .setPayload(ByteString.copyFromUtf8("x"))
                .build();

        assertThatThrownBy(() -> Envelopes.unwrap(foreign))
                .isInstanceOf(UnknownMessageTypeException.class)
                .hasMessageContaining("evil.RemoteCodeExecution");
        assertThatThrownBy(() -> Envelopes.wrap(TestReport.getDefaultInstance(), EnvelopeMetadata.of("x", "")))
                .isInstanceOf(UnknownMessageTypeException.class);
    }

    @Test
    void rejectsBytesThatAreNotAnEnvelope() {
        assertThatThrownBy(() -> Envelopes.parse("this is not protobuf {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void theAllowListCoversTheTaskLifecycle() {
        assertThat(MessageTypes.all())
                .contains(
                        "aios.events.v1.TaskAssigned",
                        "aios.events.v1.TaskCompleted",
                        "aios.events.v1.PlanProject",
                        "aios.events.v1.BacklogProposed");
        assertThat(MessageTypes.all()).doesNotContain("aios.events.v1.Envelope", "aios.events.v1.TestReport");
    }
}
