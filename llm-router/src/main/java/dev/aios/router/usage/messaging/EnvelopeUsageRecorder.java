package dev.aios.router.usage.messaging;

import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.events.v1.LlmCallCompleted;
import dev.aios.router.usage.LlmCall;
import dev.aios.router.usage.UsageRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every completed call as {@code LlmCallCompleted} on {@code aios.events} (routing key
 * {@code llm.call_completed}), correlated by project. The answer has already been produced and paid for, so a failed
 * publish is logged and counted by the publisher, never turned into a failed call.
 */
public final class EnvelopeUsageRecorder implements UsageRecorder {
    private static final Logger log = LoggerFactory.getLogger(EnvelopeUsageRecorder.class);

    private final EnvelopePublisher publisher;
    private final String producer;

    public EnvelopeUsageRecorder(EnvelopePublisher publisher, String producer) {
        this.publisher = publisher;
        this.producer = producer;
    }

    @Override
    public void record(LlmCall call) {
        LlmCallCompleted event = toEvent(call);
        EnvelopeMetadata meta = new EnvelopeMetadata(
                call.callId(),
                call.projectId().isEmpty() ? "" : "project-" + call.projectId(),
                0,
                call.projectId(),
                "",
                producer,
                "");
        try {
            publisher
                    .publish(Destination.event(event.getDescriptorForType().getFullName()), Envelopes.wrap(event, meta))
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            log.warn(
                                    "LlmCallCompleted {} for project '{}' not published: {}",
                                    call.callId(),
                                    call.projectId(),
                                    failure.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn(
                    "LlmCallCompleted {} for project '{}' not published: {}",
                    call.callId(),
                    call.projectId(),
                    e.getMessage());
        }
    }

    static LlmCallCompleted toEvent(LlmCall call) {
        return LlmCallCompleted.newBuilder()
                .setCallId(call.callId())
                .setProjectId(call.projectId())
                .setTaskId(call.taskId())
                .setRole(call.role())
                .setTier(call.tier())
                .setProvider(call.provider())
                .setModel(call.model())
                .setInputTokens(call.tokens().inputTokens())
                .setOutputTokens(call.tokens().outputTokens())
                .setCostMicros(call.costMicros())
                .setLatencyMs(call.latencyMillis())
                .setCached(call.cached())
                .setFallback(call.fallback())
                .setRequestedTier(call.requestedTier())
                .setScripted(call.scripted())
                .setScore(call.score())
                .setDecisionReason(call.decisionReason())
                .build();
    }
}
