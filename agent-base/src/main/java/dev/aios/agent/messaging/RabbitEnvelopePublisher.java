package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.aios.agent.messaging.internal.AiosHeaders;
import dev.aios.events.v1.Envelope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Publishes on its own connection (a broker alarm blocks publishers, and must not block consumers) with pipelined,
 * correlated publisher confirms and {@code mandatory}: a nack, a return, a lost connection or a confirm timeout
 * completes the future with {@link PublishFailedException}.
 */
public final class RabbitEnvelopePublisher implements EnvelopePublisher, AutoCloseable {
    private final Channel channel;
    private final Duration confirmTimeout;
    private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aios-confirm-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private final Object publishLock = new Object();

    public RabbitEnvelopePublisher(Connection publisherConnection, Duration confirmTimeout) {
        this.confirmTimeout = requireNonNull(confirmTimeout, "confirm timeout");
        try {
            this.channel = publisherConnection.createChannel();
            channel.confirmSelect();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the publisher channel", e);
        }
        channel.addConfirmListener(
                (seq, multiple) -> settle(seq, multiple, true), (seq, multiple) -> settle(seq, multiple, false));
        channel.addReturnListener(returned -> {
            @Nullable
            Object seq = returned.getProperties().getHeaders() == null
                    ? null
                    : returned.getProperties().getHeaders().get(AiosHeaders.PUBLISH_SEQUENCE);
            @Nullable Pending target = seq == null ? null : pending.get(Long.parseLong(seq.toString()));
            if (target != null) {
                target.returnedReason =
                        "unroutable: " + returned.getReplyCode() + " " + returned.getReplyText() + " (exchange '"
                                + returned.getExchange() + "', routing key '" + returned.getRoutingKey() + "')";
            }
        });
        channel.addShutdownListener(this::failAllPending);
        // One sweeper instead of a timer per message: deadlines grow with sequence numbers, so it scans from the head.
        timer.scheduleWithFixedDelay(this::timeOutExpired, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Void> publish(Destination destination, Envelope envelope) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(AiosHeaders.MESSAGE_TYPE, envelope.getType());
        if (envelope.hasTrace() && !envelope.getTrace().getTraceparent().isEmpty()) {
            headers.put(AiosHeaders.TRACEPARENT, envelope.getTrace().getTraceparent());
        }
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(AiosHeaders.CONTENT_TYPE)
                .deliveryMode(2)
                .messageId(envelope.getEventId())
                .correlationId(envelope.getCorrelationId().isEmpty() ? null : envelope.getCorrelationId())
                .type(envelope.getType())
                .headers(headers)
                .build();
        return publishRaw(destination.exchange(), destination.routingKey(), properties, envelope.toByteArray());
    }

    /** Publishes bytes as they are (retries, dead letters, redrives keep the original body) with the same guarantees. */
    public CompletableFuture<Void> publishRaw(
            String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        Pending entry = new Pending(exchange, routingKey, System.nanoTime() + confirmTimeout.toNanos());
        Map<String, Object> headers =
                properties.getHeaders() == null ? new HashMap<>() : new HashMap<>(properties.getHeaders());
        synchronized (publishLock) {
            long seq = channel.getNextPublishSeqNo();
            headers.put(AiosHeaders.PUBLISH_SEQUENCE, seq);
            pending.put(seq, entry);
            try {
                channel.basicPublish(
                        exchange,
                        routingKey,
                        true,
                        properties.builder().headers(headers).build(),
                        body);
            } catch (IOException | ShutdownSignalException e) {
                pending.remove(seq);
                entry.future.completeExceptionally(new PublishFailedException(
                        PublishFailedException.Cause.CONNECTION_LOST,
                        "publish to " + entry + " failed: " + e.getMessage()));
                return entry.future;
            }
        }
        return entry.future;
    }

    /** Messages published but not yet confirmed. */
    public int inFlight() {
        return pending.size();
    }

    private void settle(long seq, boolean multiple, boolean acked) {
        Map<Long, Pending> settled = multiple ? pending.headMap(seq, true) : single(seq);
        for (Map.Entry<Long, Pending> e : settled.entrySet()) {
            Pending entry = e.getValue();
            if (!pending.remove(e.getKey(), entry)) {
                continue;
            }
            if (!acked) {
                entry.future.completeExceptionally(new PublishFailedException(
                        PublishFailedException.Cause.NACKED, "broker nacked publish to " + entry));
            } else if (entry.returnedReason != null) {
                entry.future.completeExceptionally(
                        new PublishFailedException(PublishFailedException.Cause.RETURNED, entry.returnedReason));
            } else {
                entry.future.complete(null);
            }
        }
    }

    private Map<Long, Pending> single(long seq) {
        Pending entry = pending.get(seq);
        return entry == null ? Map.of() : Map.of(seq, entry);
    }

    private void timeOutExpired() {
        long now = System.nanoTime();
        for (Map.Entry<Long, Pending> e : pending.entrySet()) {
            Pending entry = e.getValue();
            if (now - entry.deadlineNanos < 0) {
                return;
            }
            if (pending.remove(e.getKey(), entry)) {
                entry.future.completeExceptionally(new PublishFailedException(
                        PublishFailedException.Cause.TIMED_OUT,
                        "no confirm within " + confirmTimeout + " for " + entry));
            }
        }
    }

    private void failAllPending(ShutdownSignalException cause) {
        for (Long seq : pending.keySet()) {
            Pending entry = pending.remove(seq);
            if (entry != null) {
                entry.future.completeExceptionally(new PublishFailedException(
                        PublishFailedException.Cause.CONNECTION_LOST,
                        "channel closed before the confirm for " + entry + ": " + cause.getMessage()));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (channel.isOpen()) {
                channel.close();
            }
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            // closing a channel the broker already closed: nothing left to release
        }
    }

    private static final class Pending {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        final String exchange;
        final String routingKey;
        final long deadlineNanos;
        volatile @Nullable String returnedReason;

        Pending(String exchange, String routingKey, long deadlineNanos) {
            this.exchange = exchange;
            this.routingKey = routingKey;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public String toString() {
            return "exchange '" + exchange + "' routing key '" + routingKey + "'";
        }
    }
}
