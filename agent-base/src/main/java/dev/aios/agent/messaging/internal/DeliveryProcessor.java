package dev.aios.agent.messaging.internal;

import com.google.protobuf.Message;
import com.rabbitmq.client.AMQP;
import dev.aios.agent.TransientFailureException;
import dev.aios.agent.messaging.AsyncEnvelopeHandler;
import dev.aios.agent.messaging.BrokerDialect;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.EnvelopeHandler;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.MalformedMessageException;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.events.v1.Envelope;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery's fate: parse (allow-listed only), handle, then ack. A transient failure is re-published to the retry
 * queue for its attempt (or, on Qpid, back to the work queue after the delay) and a deterministic one to the DLQ with
 * its reason; the original is acked only once that copy is confirmed, so nothing is lost and nothing loops. The
 * handler may finish later on another thread; acks go through the channel's {@link AckCoalescer}.
 */
public final class DeliveryProcessor {
    private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);

    private final String queue;
    private final AsyncEnvelopeHandler handler;
    private final RabbitEnvelopePublisher publisher;
    private final BrokerDialect dialect;
    private final MessagingSettings settings;
    private final ScheduledExecutorService delayedRetries;
    private final AckCoalescer acks;

    public DeliveryProcessor(
            String queue,
            AsyncEnvelopeHandler handler,
            RabbitEnvelopePublisher publisher,
            BrokerDialect dialect,
            MessagingSettings settings,
            ScheduledExecutorService delayedRetries,
            AckCoalescer acks) {
        this.queue = queue;
        this.handler = handler;
        this.publisher = publisher;
        this.dialect = dialect;
        this.settings = settings;
        this.delayedRetries = delayedRetries;
        this.acks = acks;
    }

    /** A blocking handler as an asynchronous one: it has finished when it returns. */
    public static AsyncEnvelopeHandler blocking(EnvelopeHandler handler) {
        return message -> {
            try {
                handler.handle(message);
                return CompletableFuture.completedFuture(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(e);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
    }

    public void process(long tag, AMQP.BasicProperties properties, byte[] body) {
        acks.delivered(tag);
        int attempt = attemptOf(properties);
        ReceivedEnvelope message;
        try {
            Envelope envelope = Envelopes.parse(body);
            Message payload = Envelopes.unwrap(envelope);
            message = new ReceivedEnvelope(envelope, payload, attempt, queue);
        } catch (MalformedMessageException e) {
            deadLetter(tag, properties, body, attempt, reasonOf(e));
            return;
        }
        CompletionStage<Void> done;
        try {
            done = handler.handle(message);
        } catch (RuntimeException | Error e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ignored, failure) -> settle(tag, properties, body, attempt, message, failure));
    }

    private void settle(
            long tag,
            AMQP.BasicProperties properties,
            byte[] body,
            int attempt,
            ReceivedEnvelope message,
            @Nullable Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        switch (cause) {
            case null -> acks.settled(tag);
            case TransientFailureException e
            when attempt < settings.maxAttempts() -> retry(tag, properties, body, attempt + 1, e);
            case TransientFailureException e ->
                deadLetter(tag, properties, body, attempt, "attempts exhausted (" + attempt + "): " + reasonOf(e));
            case InterruptedException e -> acks.requeue(tag);
            case Error e -> {
                // A crash, not a verdict on the message: the broker redelivers it and its delivery limit ends a loop.
                log.error("handler crashed on {} from {}; returning it to the broker", message.eventId(), queue, e);
                if (dialect.requeueOnCrash()) {
                    acks.requeue(tag);
                } else {
                    deadLetter(tag, properties, body, attempt, "handler crashed: " + reasonOf(e));
                }
            }
            default -> deadLetter(tag, properties, body, attempt, reasonOf(cause));
        }
    }

    private void retry(long tag, AMQP.BasicProperties properties, byte[] body, int nextAttempt, Exception cause) {
        Duration delay = settings.delayBefore(nextAttempt);
        AMQP.BasicProperties copy =
                withHeaders(properties, Map.of(AiosHeaders.ATTEMPT, nextAttempt, AiosHeaders.REASON, reasonOf(cause)));
        log.info(
                "transient failure on {} (attempt {}), retrying in {}: {}",
                properties.getMessageId(),
                nextAttempt - 1,
                delay,
                cause.getMessage());
        if (dialect.supportsRetryQueues()) {
            moveOff(
                    tag,
                    publisher.publishRaw(
                            BrokerTopology.retryExchangeName(queue),
                            BrokerTopology.retryRoutingKey(delay),
                            copy,
                            body));
        } else {
            // No dead-lettering TTL queues (Qpid): hold the message unacked for the delay, then re-publish and ack.
            delayedRetries.schedule(
                    () -> moveOff(tag, publisher.publishRaw("", queue, copy, body)),
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void deadLetter(long tag, AMQP.BasicProperties properties, byte[] body, int attempts, String reason) {
        log.warn(
                "dead-lettering {} from {} after {} attempt(s): {}",
                properties.getMessageId(),
                queue,
                attempts,
                reason);
        Map<String, Object> headers = Map.of(
                AiosHeaders.REASON, reason,
                AiosHeaders.ORIGINAL_QUEUE, queue,
                AiosHeaders.ATTEMPT, attempts,
                AiosHeaders.FAILED_AT, System.currentTimeMillis());
        // through the queue's own dead-letter exchange: agents may not write to the default exchange (any queue)
        moveOff(
                tag,
                publisher.publishRaw(
                        BrokerTopology.deadLetterExchangeName(queue), "", withHeaders(properties, headers), body));
    }

    /** Acks the original once its copy is confirmed; if the copy is not safe, gives the original back. */
    private void moveOff(long tag, CompletableFuture<Void> copyConfirmed) {
        copyConfirmed
                .orTimeout(settings.confirmTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        acks.settled(tag);
                    } else {
                        // the delivery limit bounds how often this can happen
                        log.error("could not move a message off {}: {}", queue, failure.getMessage());
                        acks.requeue(tag);
                    }
                });
    }

    public static int attemptOf(AMQP.BasicProperties properties) {
        @Nullable
        Object value =
                properties.getHeaders() == null ? null : properties.getHeaders().get(AiosHeaders.ATTEMPT);
        if (value == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.toString()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static AMQP.BasicProperties withHeaders(AMQP.BasicProperties properties, Map<String, Object> extra) {
        Map<String, Object> headers =
                properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
        headers.putAll(extra);
        return properties.builder().headers(headers).build();
    }

    private static String reasonOf(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason = e.getClass().getSimpleName() + ": " + message;
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }
}
