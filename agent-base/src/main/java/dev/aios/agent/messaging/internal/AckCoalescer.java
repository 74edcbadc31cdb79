package dev.aios.agent.messaging.internal;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acks one channel's settled deliveries with as few frames as possible: settling only records the tag, and a flush
 * (run once on the ack executor for however many settled meanwhile) acks everything below the oldest delivery still
 * in progress with one {@code multiple} ack. A delivery that is still being handled is never covered, so a crash
 * can only cause redelivery, never loss. Requeues are sent at once, one by one.
 */
public final class AckCoalescer {
    private static final Logger log = LoggerFactory.getLogger(AckCoalescer.class);

    private final Channel channel;
    private final Executor executor;
    private final NavigableSet<Long> inProgress = new TreeSet<>();
    private final NavigableSet<Long> settled = new TreeSet<>();
    private boolean flushScheduled;

    public AckCoalescer(Channel channel, Executor executor) {
        this.channel = channel;
        this.executor = executor;
    }

    /** Called on delivery, before the handler can settle it. */
    public synchronized void delivered(long tag) {
        inProgress.add(tag);
    }

    /** The delivery's effect (or its copy on a retry or dead-letter queue) is durable: ack it soon. */
    public void settled(long tag) {
        boolean schedule;
        synchronized (this) {
            inProgress.remove(tag);
            settled.add(tag);
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            executor.execute(this::flush);
        }
    }

    /** Gives the delivery back to the broker now (its delivery limit bounds how often). */
    public void requeue(long tag) {
        synchronized (this) {
            inProgress.remove(tag);
            try {
                channel.basicNack(tag, false, true);
            } catch (IOException | RuntimeException e) {
                log.warn("nack failed (the broker will redeliver): {}", e.getMessage());
            }
        }
        flush(); // settled tags above it may now be ackable
    }

    public void flush() {
        synchronized (this) {
            flushScheduled = false;
            Long oldest = inProgress.isEmpty() ? null : inProgress.first();
            NavigableSet<Long> ackable = oldest == null ? settled : settled.headSet(oldest, false);
            if (ackable.isEmpty()) {
                return;
            }
            long upTo = ackable.last();
            boolean multiple = ackable.size() > 1;
            ackable.clear();
            if (!channel.isOpen()) {
                // closed (by us or the broker): its unacked deliveries are back on the queue and will be redelivered
                log.debug(
                        "channel closed before {} settled deliveries up to {} were acked",
                        multiple ? "several" : "one",
                        upTo);
                return;
            }
            try {
                channel.basicAck(upTo, multiple);
            } catch (IOException | RuntimeException e) {
                // a closed channel: the broker has put its unacked deliveries back already
                log.warn("ack failed (the broker will redeliver): {}", e.getMessage());
            }
        }
    }

    public synchronized int inProgress() {
        return inProgress.size();
    }
}
