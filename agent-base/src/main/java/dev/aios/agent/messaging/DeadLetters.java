package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.LongString;
import dev.aios.agent.messaging.internal.AiosHeaders;
import dev.aios.agent.messaging.internal.DeliveryProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Lists the DLQs of the declared work queues with their depth, peeks at dead letters without removing them, and
 * redrives them back to their work queue (attempt counter reset) — each one acked only after its copy is confirmed.
 */
public final class DeadLetters {
    private static final int FIRST_BYTES = 64;
    /** How many dead letters a filtered peek, count or redrive looks at, at most. */
    public static final int SCAN_LIMIT = 10_000;

    private final Connection connection;
    private final RabbitEnvelopePublisher publisher;
    private final BrokerTopology topology;

    public DeadLetters(Connection connection, RabbitEnvelopePublisher publisher, BrokerTopology topology) {
        this.connection = requireNonNull(connection, "connection");
        this.publisher = requireNonNull(publisher, "publisher");
        this.topology = requireNonNull(topology, "topology");
    }

    public List<DeadLetterQueue> queues() {
        List<DeadLetterQueue> queues = new ArrayList<>();
        for (String workQueue : topology.workQueues()) {
            String dlq = BrokerTopology.deadLetterQueueName(workQueue);
            queues.add(new DeadLetterQueue(dlq, workQueue, depth(dlq)));
        }
        queues.sort(Comparator.comparing(DeadLetterQueue::name));
        return queues;
    }

    public long depth(String deadLetterQueue) {
        requireKnown(deadLetterQueue);
        try (Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(deadLetterQueue).getMessageCount();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot read the depth of '" + deadLetterQueue + "': " + e.getMessage(), e);
        }
    }

    /** Up to {@code max} dead letters from the head of the queue; they stay in the queue. */
    public List<DeadLetter> peek(String deadLetterQueue, int max) {
        return peek(deadLetterQueue, max, letter -> true);
    }

    /**
     * Up to {@code max} of the dead letters {@code visible} accepts, from the first {@link #SCAN_LIMIT} of the queue;
     * they all stay in the queue.
     */
    public List<DeadLetter> peek(String deadLetterQueue, int max, Predicate<DeadLetter> visible) {
        requireKnown(deadLetterQueue);
        requirePositive(max);
        List<DeadLetter> letters = new ArrayList<>();
        // Every letter is taken unacked and handed back before the channel closes: that is what makes this a peek.
        try (Channel channel = connection.createChannel()) {
            long lastTag = 0;
            for (int i = 0; i < SCAN_LIMIT && letters.size() < max; i++) {
                GetResponse response = channel.basicGet(deadLetterQueue, false);
                if (response == null) {
                    break;
                }
                lastTag = response.getEnvelope().getDeliveryTag();
                DeadLetter letter = describe(response.getProps(), response.getBody());
                if (visible.test(letter)) {
                    letters.add(letter);
                }
            }
            handBack(channel, lastTag);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot peek at '" + deadLetterQueue + "': " + e.getMessage(), e);
        }
        return letters;
    }

    /** How many of the first {@link #SCAN_LIMIT} dead letters of the queue {@code visible} accepts; none is removed. */
    public long count(String deadLetterQueue, Predicate<DeadLetter> visible) {
        return peek(deadLetterQueue, SCAN_LIMIT, visible).size();
    }

    /** Moves up to {@code max} dead letters back to their original work queue; returns how many moved. */
    public int redrive(String deadLetterQueue, int max) {
        return redrive(deadLetterQueue, max, letter -> true);
    }

    /**
     * Moves up to {@code max} of the dead letters {@code accepted} selects (among the first {@link #SCAN_LIMIT}) back
     * to their work queue; the others stay in the dead-letter queue. Returns how many moved.
     *
     * <p>Only letters that were in the queue before this redrive moved anything are moved: each copy carries this
     * redrive's id, and a letter that comes back with it (its agent failed it again while the redrive was still
     * scanning) ends the scan and stays dead-lettered. Without that, a letter no agent can process bounces between its
     * work queue and its DLQ, and one redrive moves it again and again, counting each bounce as a letter.
     */
    public int redrive(String deadLetterQueue, int max, Predicate<DeadLetter> accepted) {
        requireKnown(deadLetterQueue);
        requirePositive(max);
        int moved = 0;
        String redrive = UUID.randomUUID().toString();
        // a letter the filter leaves stays unacked, so this scan does not see it twice, and is handed back at the end
        try (Channel channel = connection.createChannel()) {
            long lastLeftTag = 0;
            for (int i = 0; i < SCAN_LIMIT && moved < max; i++) {
                GetResponse response = channel.basicGet(deadLetterQueue, false);
                if (response == null) {
                    break;
                }
                AMQP.BasicProperties props = response.getProps();
                if (redrive.equals(text(headerOf(props, AiosHeaders.REDRIVE)))) {
                    // back already: every letter from here on came after this redrive began
                    lastLeftTag = response.getEnvelope().getDeliveryTag();
                    break;
                }
                if (!accepted.test(describe(props, response.getBody()))) {
                    lastLeftTag = response.getEnvelope().getDeliveryTag();
                    continue;
                }
                String target = originalQueue(props, deadLetterQueue);
                Map<String, Object> headers =
                        props.getHeaders() == null ? new HashMap<>() : new HashMap<>(props.getHeaders());
                headers.remove(AiosHeaders.REASON);
                headers.remove(AiosHeaders.FAILED_AT);
                headers.put(AiosHeaders.ATTEMPT, 1);
                headers.put(AiosHeaders.REDRIVE, redrive);
                publisher
                        .publishRaw("", target, props.builder().headers(headers).build(), response.getBody())
                        .get(topology.settings().confirmTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
                channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
                moved++;
            }
            handBack(channel, lastLeftTag);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "redrive from '" + deadLetterQueue + "' failed after " + moved + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("redrive interrupted after " + moved, e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "redrive from '" + deadLetterQueue + "' failed after " + moved + ": " + e.getMessage(), e);
        }
        return moved;
    }

    /**
     * Returns every letter this channel holds unacked, up to and including {@code lastTag}, to the head of its queue
     * before the call answers. Left to the channel's close, the return is asynchronous: RabbitMQ's quorum queue takes
     * the letters back only when it notices the channel has gone, so the next peek or redrive could find the queue
     * empty. The synchronous {@code basic.qos} after the nack is answered only once the channel has passed the nack on
     * to the queue, so the queue has the return before any later get. (The depth the broker reports is a statistic
     * that can trail the return by a moment.)
     */
    private static void handBack(Channel channel, long lastTag) throws IOException {
        if (lastTag == 0) {
            return;
        }
        channel.basicNack(lastTag, true, true);
        channel.basicQos(0);
    }

    private void requireKnown(String deadLetterQueue) {
        boolean known = topology.workQueues().stream()
                .anyMatch(q -> BrokerTopology.deadLetterQueueName(q).equals(deadLetterQueue));
        if (!known) {
            throw new UnknownQueueException(deadLetterQueue);
        }
    }

    private static void requirePositive(int max) {
        if (max < 1 || max > 10_000) {
            throw new IllegalArgumentException("max must be 1..10000, was " + max);
        }
    }

    static DeadLetter describe(AMQP.BasicProperties props, byte[] body) {
        Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
        String reason = text(headers.get(AiosHeaders.REASON));
        if (reason.isEmpty()) {
            // dead-lettered by the broker itself (delivery limit), which records its own reason
            reason = text(headers.get("x-first-death-reason"));
        }
        String original = text(headers.get(AiosHeaders.ORIGINAL_QUEUE));
        if (original.isEmpty()) {
            original = text(headers.get("x-first-death-queue"));
        }
        int attempts = DeliveryProcessor.attemptOf(props);
        @Nullable Object failedAt = headers.get(AiosHeaders.FAILED_AT);
        long failedAtMillis = failedAt == null ? 0 : Long.parseLong(failedAt.toString());
        byte[] head = Arrays.copyOf(body, Math.min(FIRST_BYTES, body.length));
        return new DeadLetter(
                props.getMessageId() == null ? "" : props.getMessageId(),
                props.getType() == null ? "" : props.getType(),
                reason,
                original,
                attempts,
                failedAtMillis,
                correlationIdOf(body),
                HexFormat.of().formatHex(head));
    }

    private static String correlationIdOf(byte[] body) {
        try {
            return dev.aios.events.v1.Envelope.parseFrom(body).getCorrelationId();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return ""; // not an envelope: the reason already says so
        }
    }

    private static String originalQueue(AMQP.BasicProperties props, String deadLetterQueue) {
        String original = describe(props, new byte[0]).originalQueue();
        return original.isEmpty() ? deadLetterQueue.substring(0, deadLetterQueue.length() - ".dlq".length()) : original;
    }

    private static @Nullable Object headerOf(AMQP.BasicProperties props, String name) {
        return props.getHeaders() == null ? null : props.getHeaders().get(name);
    }

    private static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof LongString s ? s.toString() : value.toString();
    }
}
