package dev.aios.agent.messaging.internal;

/** AMQP header names the adapter writes and reads. */
public final class AiosHeaders {
    public static final String CONTENT_TYPE = "application/x-protobuf";
    public static final String MESSAGE_TYPE = "x-aios-type";
    public static final String ATTEMPT = "x-aios-attempt";
    public static final String REASON = "x-aios-reason";
    public static final String ORIGINAL_QUEUE = "x-aios-original-queue";
    public static final String FAILED_AT = "x-aios-failed-at";
    /** The redrive that last moved a letter; a letter dead-lettered again keeps it (see DeadLetters#redrive). */
    public static final String REDRIVE = "x-aios-redrive";

    public static final String TRACEPARENT = "traceparent";
    /** Correlates a return with its publish (returns carry headers, not sequence numbers). */
    public static final String PUBLISH_SEQUENCE = "x-aios-publish-seq";

    private AiosHeaders() {}
}
