package dev.aios.agent.messaging;

import org.jspecify.annotations.Nullable;
import com.google.protobuf.Message;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.aios.events.v1.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery's fate: parse (allow-listed only), handle, then ack. A transient failure is re-published to the retry
 * queue for its attempt (or, on Qpid, back to the work queue after the delay) and a deterministic one to the DLQ with
 * its reason; the original is acked only once that copy is confirmed, so nothing is lost and nothing loops.
 */
final class DeliveryProcessor {
    private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);

    private final String queue;
    private final EnvelopeHandler handler;
    private final RabbitEnvelopePublisher publisher;
    private final BrokerDialect dialect;
    private final MessagingSettings settings;
    private final ScheduledExecutorService delayedRetries;

    DeliveryProcessor(
            String queue,
            EnvelopeHandler handler,
            RabbitEnvelopePublisher publisher,
            BrokerDialect dialect,
            MessagingSettings settings,
            ScheduledExecutorService delayedRetries) {
        this.queue = queue;
        this.handler = handler;
        this.publisher = publisher;
        this.dialect = dialect;
        this.settings = settings;
        this.delayedRetries = delayedRetries;
    }

    void process(Channel channel, long tag, AMQP.BasicProperties properties, byte[] body) {
        int attempt = attemptOf(properties);
        ReceivedEnvelope message;
        try {
            Envelope envelope = Envelopes.parse(body);
            Message payload = Envelopes.unwrap(envelope);
            message = new ReceivedEnvelope(envelope, payload, attempt, queue);
        } catch (MalformedMessageException e) {
            deadLetter(channel, tag, properties, body, attempt, reasonOf(e));
            return;
        }
        try {
            handler.handle(message);
            ack(channel, tag);
        } catch (TransientFailureException e) {
            if (attempt < settings.maxAttempts()) {
                retry(channel, tag, properties, body, attempt + 1, e);
            } else {
                deadLetter(channel, tag, properties, body, attempt, "attempts exhausted (" + attempt + "): " + reasonOf(e));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requeue(channel, tag);
        } catch (Exception e) {
            deadLetter(channel, tag, properties, body, attempt, reasonOf(e));
        } catch (Error e) {
            // A crash, not a verdict on the message: the broker redelivers it and its delivery limit ends a loop.
            log.error("handler crashed on {} from {}; returning it to the broker", message.eventId(), queue, e);
            if (dialect.requeueOnCrash()) {
                requeue(channel, tag);
            } else {
                deadLetter(channel, tag, properties, body, attempt, "handler crashed: " + reasonOf(e));
            }
        }
    }

    private void retry(Channel channel, long tag, AMQP.BasicProperties properties, byte[] body, int nextAttempt, Exception cause) {
        Duration delay = settings.delayBefore(nextAttempt);
        AMQP.BasicProperties copy = withHeaders(properties, Map.of(AiosHeaders.ATTEMPT, nextAttempt, AiosHeaders.REASON, reasonOf(cause)));
        log.info("transient failure on {} (attempt {}), retrying in {}: {}", properties.getMessageId(), nextAttempt - 1, delay, cause.getMessage());
        if (dialect.supportsRetryQueues()) {
            settle(channel, tag, publisher.publishRaw("", BrokerTopology.retryQueueName(queue, delay), copy, body));
        } else {
            // No dead-lettering TTL queues (Qpid): hold the message unacked for the delay, then re-publish and ack.
            delayedRetries.schedule(
                    () -> settle(channel, tag, publisher.publishRaw("", queue, copy, body)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void deadLetter(Channel channel, long tag, AMQP.BasicProperties properties, byte[] body, int attempts, String reason) {
        log.warn("dead-lettering {} from {} after {} attempt(s): {}", properties.getMessageId(), queue, attempts, reason);
        Map<String, Object> headers = Map.of(
                AiosHeaders.REASON, reason,
                AiosHeaders.ORIGINAL_QUEUE, queue,
                AiosHeaders.ATTEMPT, attempts,
                AiosHeaders.FAILED_AT, System.currentTimeMillis());
        settle(channel, tag, publisher.publishRaw("", BrokerTopology.deadLetterQueueName(queue), withHeaders(properties, headers), body));
    }

    private void settle(Channel channel, long tag, CompletableFuture<Void> copyConfirmed) {
        try {
            copyConfirmed.get(settings.confirmTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            ack(channel, tag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            requeue(channel, tag);
        } catch (Exception e) {
            // The copy is not safe yet: give the original back; the delivery limit bounds how often this can happen.
            log.error("could not move a message off {}: {}", queue, e.getMessage());
            requeue(channel, tag);
        }
    }

    private static void ack(Channel channel, long tag) {
        try {
            channel.basicAck(tag, false);
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
            log.warn("ack failed (the broker will redeliver): {}", e.getMessage());
        }
    }

    private static void requeue(Channel channel, long tag) {
        try {
            channel.basicNack(tag, false, true);
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
            log.warn("nack failed (the broker will redeliver): {}", e.getMessage());
        }
    }

    static int attemptOf(AMQP.BasicProperties properties) {
        @Nullable Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(AiosHeaders.ATTEMPT);
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
        Map<String, Object> headers = properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
        headers.putAll(extra);
        return properties.builder().headers(headers).build();
    }

    private static String reasonOf(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason = e.getClass().getSimpleName() + ": " + message;
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }
}
