package dev.aios.agent.messaging;

/** A dead-letter queue, the work queue it belongs to, and how many messages wait in it. */
public record DeadLetterQueue(String name, String workQueue, long depth) {}
