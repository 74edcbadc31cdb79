package dev.aios.agent.messaging;

/**
 * One message in a DLQ as an operator sees it: why it failed, where it came from, the conversation it belongs to
 * (the envelope's correlation id, usually a project id; empty when the body is no envelope) and its first bytes (hex).
 */
public record DeadLetter(
        String eventId,
        String type,
        String reason,
        String originalQueue,
        int attempts,
        long failedAtEpochMillis,
        String correlationId,
        String firstBytesHex) {}
