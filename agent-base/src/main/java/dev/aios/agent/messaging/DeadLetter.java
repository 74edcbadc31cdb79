package dev.aios.agent.messaging;

/** One message in a DLQ as an operator sees it: why it failed, where it came from, and its first bytes (hex). */
public record DeadLetter(
        String eventId, String type, String reason, String originalQueue, int attempts, long failedAtEpochMillis, String firstBytesHex) {}
