package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.aios.agent.messaging.internal.AckCoalescer;
import dev.aios.agent.messaging.internal.DeliveryProcessor;
import dev.aios.agent.messaging.internal.ProcessingConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * Starts consumers with manual acks and bounded prefetch on the consumer connection. The handler finishes first, the
 * ack follows; failures are routed by {@link DeliveryProcessor}: retry queues for transient ones, the DLQ for the rest.
 */
public final class ReliableConsumers implements AutoCloseable {
    private final Connection connection;
    private final RabbitEnvelopePublisher publisher;
    private final BrokerDialect dialect;
    private final MessagingSettings settings;
    private final ScheduledExecutorService delayedRetries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aios-delayed-retries");
        thread.setDaemon(true);
        return thread;
    });
    // acks leave from one thread, after however many deliveries settled meanwhile (see AckCoalescer)
    private final ExecutorService ackSender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "aios-acks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ConsumerHandle> handles = new ArrayList<>();

    public ReliableConsumers(
            Connection consumerConnection,
            RabbitEnvelopePublisher publisher,
            BrokerDialect dialect,
            MessagingSettings settings) {
        this.connection = requireNonNull(consumerConnection, "consumer connection");
        this.publisher = requireNonNull(publisher, "publisher");
        this.dialect = requireNonNull(dialect, "dialect");
        this.settings = requireNonNull(settings, "settings");
    }

    /** Consumes with a handler that has finished with a message when it returns (one message at a time per channel). */
    public ConsumerHandle start(ConsumerSpec spec, EnvelopeHandler handler) {
        requireNonNull(handler, "handler");
        return startAsync(spec, DeliveryProcessor.blocking(handler));
    }

    /**
     * Consumes with a handler that may finish later: up to {@code prefetch} messages per channel are in its hands at
     * once, and those it finishes together are acked together.
     */
    public ConsumerHandle startAsync(ConsumerSpec spec, AsyncEnvelopeHandler handler) {
        requireNonNull(handler, "handler");
        List<Channel> channels = new ArrayList<>();
        List<AckCoalescer> coalescers = new ArrayList<>();
        try {
            for (int i = 0; i < spec.concurrency(); i++) {
                Channel channel = connection.createChannel();
                channel.basicQos(spec.prefetch());
                var acks = new AckCoalescer(channel, ackSender);
                coalescers.add(acks);
                DeliveryProcessor processor = new DeliveryProcessor(
                        spec.queue(), handler, publisher, dialect, settings, delayedRetries, acks);
                channel.basicConsume(spec.queue(), false, new ProcessingConsumer(channel, processor));
                channels.add(channel);
            }
        } catch (IOException e) {
            new ChannelsHandle(spec.queue(), channels, coalescers).close();
            throw new UncheckedIOException("cannot consume from '" + spec.queue() + "': " + e.getMessage(), e);
        }
        ConsumerHandle handle = new ChannelsHandle(spec.queue(), channels, coalescers);
        synchronized (handles) {
            handles.add(handle);
        }
        return handle;
    }

    @Override
    public void close() {
        synchronized (handles) {
            handles.forEach(ConsumerHandle::close);
            handles.clear();
        }
        delayedRetries.shutdownNow();
        ackSender.shutdown();
    }

    private record ChannelsHandle(String queue, List<Channel> channels, List<AckCoalescer> acks)
            implements ConsumerHandle {
        @Override
        public boolean isRunning() {
            return !channels.isEmpty() && channels.stream().allMatch(Channel::isOpen);
        }

        @Override
        public int inProgress() {
            return acks.stream().mapToInt(AckCoalescer::inProgress).sum();
        }

        @Override
        public void close() {
            acks.forEach(AckCoalescer::flush); // what is settled leaves now, not as a redelivery after the close
            for (Channel channel : channels) {
                try {
                    if (channel.isOpen()) {
                        channel.close();
                    }
                } catch (IOException | TimeoutException | com.rabbitmq.client.ShutdownSignalException e) {
                    // already closed by the broker or the connection: its unacked messages are back on the queue
                }
            }
        }
    }
}
