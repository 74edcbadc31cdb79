package dev.aios.agent.messaging.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.ConsumerHandle;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.RabbitMqDialect;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.testkit.AiosTestInfrastructure;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskProgress;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirmed publish → consume throughput of the adapter against the raw amqp-client (the baseline) in the same run:
 * 1 KB persistent messages, the same quorum queue arguments, one publisher with the same confirm window, one consumer
 * with the same prefetch acking each message. Prints both, p50/p99 publish→consume latency, and the ratio.
 * Usage: {@code ./aios bench broker [messages] [rounds]}.
 */
public final class BrokerBenchmark {
    private static final int SIZE = 1024;
    private static final int WINDOW = 1_000;
    private static final int PREFETCH = 250;

    record Result(String name, int messages, double seconds, long p50Micros, long p99Micros) {
        double throughput() {
            return messages / seconds;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-8s %7d msgs in %6.2f s = %8.0f msg/s   publish→consume p50 %6.1f ms  p99 %6.1f ms",
                    name, messages, seconds, throughput(), p50Micros / 1000.0, p99Micros / 1000.0);
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        AiosTestInfrastructure infrastructure = AiosTestInfrastructure.get();
        AiosTestInfrastructure.Endpoint rabbit = infrastructure.rabbit();
        MessagingSettings settings = MessagingSettings.defaults();
        try (AiosTestInfrastructure.TemporaryVhost vhost = infrastructure.createVhost();
                AmqpConnections connections = new AmqpConnections(
                        rabbit.host(), rabbit.port(), rabbit.username(), rabbit.password(), vhost.name(), "bench");
                RabbitEnvelopePublisher publisher =
                        new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
                ReliableConsumers consumers =
                        new ReliableConsumers(connections.consumer(), publisher, new RabbitMqDialect(), settings)) {
            BrokerTopology topology = new BrokerTopology(connections.consumer(), new RabbitMqDialect(), settings);
            System.out.printf(
                    "broker benchmark: %d messages of %d bytes, quorum queue, persistent, confirm window %d, prefetch %d, %d rounds (RabbitMQ %s:%d vhost %s)%n",
                    messages, SIZE, WINDOW, PREFETCH, rounds, rabbit.host(), rabbit.port(), vhost.name());
            // warm-up: JIT, connections, queue leaders
            raw(connections, queue(topology, "raw", 0), 2_000);
            adapter(publisher, consumers, queue(topology, "adapter", 0), 2_000);
            double rawSum = 0;
            double adapterSum = 0;
            for (int round = 1; round <= rounds; round++) {
                Result r = raw(connections, queue(topology, "raw", round), messages);
                Result a = adapter(publisher, consumers, queue(topology, "adapter", round), messages);
                rawSum += r.throughput();
                adapterSum += a.throughput();
                System.out.println("round " + round + "  " + r);
                System.out.println("round " + round + "  " + a);
            }
            double ratio = adapterSum / rawSum;
            System.out.printf(
                    "mean: raw amqp-client %.0f msg/s, adapter %.0f msg/s, adapter/raw = %.2f (target >= 0.70: %s)%n",
                    rawSum / rounds, adapterSum / rounds, ratio, ratio >= 0.70 ? "met" : "NOT met");
        }
    }

    /** A fresh queue per run (same arguments for both sides), so no run sees another's stragglers. */
    private static String queue(BrokerTopology topology, String side, int round) {
        String name = "bench." + side + "." + round;
        return topology.declareEventQueue(name, List.of(name));
    }

    /** The baseline: amqp-client alone, pipelined confirms, manual ack per message. */
    static Result raw(AmqpConnections connections, String queue, int messages) throws Exception {
        byte[] body = new byte[SIZE];
        Arrays.fill(body, (byte) 'x');
        long[] latencies = new long[messages];
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        CountDownLatch consumed = new CountDownLatch(messages);
        AtomicInteger received = new AtomicInteger();
        Channel consumer = connections.consumer().createChannel();
        consumer.basicQos(PREFETCH);
        String tag = consumer.basicConsume(queue, false, new DefaultConsumer(consumer) {
            @Override
            public void handleDelivery(String t, com.rabbitmq.client.Envelope e, AMQP.BasicProperties p, byte[] b)
                    throws IOException {
                Long start = sentAt.remove(p.getMessageId());
                if (start == null) {
                    throw new IllegalStateException("raw: message " + p.getMessageId() + " delivered twice");
                }
                latencies[received.getAndIncrement()] = System.nanoTime() - start;
                getChannel().basicAck(e.getDeliveryTag(), false);
                consumed.countDown();
            }
        });
        Channel channel = connections.publisher().createChannel();
        channel.confirmSelect();
        Semaphore window = new Semaphore(WINDOW);
        ConcurrentNavigableMap<Long, Boolean> outstanding = new ConcurrentSkipListMap<>();
        AtomicInteger failures = new AtomicInteger();
        channel.addConfirmListener((seq, multiple) -> settle(outstanding, window, seq, multiple), (seq, multiple) -> {
            failures.incrementAndGet();
            settle(outstanding, window, seq, multiple);
        });
        long begin = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            window.acquire();
            String id = UUID.randomUUID().toString();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                    .deliveryMode(2)
                    .messageId(id)
                    .contentType("application/x-protobuf")
                    .build();
            sentAt.put(id, System.nanoTime());
            outstanding.put(channel.getNextPublishSeqNo(), Boolean.TRUE);
            channel.basicPublish("", queue, true, props, body);
        }
        await(consumed, "raw");
        double seconds = (System.nanoTime() - begin) / 1e9;
        consumer.basicCancel(tag);
        consumer.close();
        channel.close();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " raw publishes were nacked");
        }
        return result("raw", latencies, seconds);
    }

    private static void settle(
            ConcurrentNavigableMap<Long, Boolean> outstanding, Semaphore window, long seq, boolean multiple) {
        var settled = multiple ? outstanding.headMap(seq, true) : outstanding.subMap(seq, true, seq, true);
        int count = settled.size();
        settled.clear();
        window.release(count);
    }

    /** The adapter: envelopes through RabbitEnvelopePublisher, parsed and allow-listed by ReliableConsumers. */
    static Result adapter(RabbitEnvelopePublisher publisher, ReliableConsumers consumers, String queue, int messages)
            throws Exception {
        String padding = "x".repeat(SIZE - template().getSerializedSize());
        long[] latencies = new long[messages];
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        CountDownLatch consumed = new CountDownLatch(messages);
        AtomicInteger received = new AtomicInteger();
        ConsumerHandle handle = consumers.start(new ConsumerSpec(queue, PREFETCH, 1), message -> {
            Long start = sentAt.remove(message.eventId());
            if (start == null) {
                throw new IllegalStateException("adapter: message " + message.eventId() + " delivered twice");
            }
            latencies[received.getAndIncrement()] = System.nanoTime() - start;
            consumed.countDown();
        });
        Semaphore window = new Semaphore(WINDOW);
        AtomicInteger failures = new AtomicInteger();
        Destination destination = new Destination("", queue);
        long begin = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            window.acquire();
            Envelope envelope = Envelopes.wrap(
                    TaskProgress.newBuilder()
                            .setProjectId("bench")
                            .setTaskId("T")
                            .setMessage(padding)
                            .build(),
                    EnvelopeMetadata.of("bench", "bench"));
            sentAt.put(envelope.getEventId(), System.nanoTime());
            publisher.publish(destination, envelope).whenComplete((ok, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                }
                window.release();
            });
        }
        await(consumed, "adapter");
        double seconds = (System.nanoTime() - begin) / 1e9;
        handle.close();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " adapter publishes failed");
        }
        return result("adapter", latencies, seconds);
    }

    private static Envelope template() {
        return Envelopes.wrap(
                TaskProgress.newBuilder()
                        .setProjectId("bench")
                        .setTaskId("T")
                        .setMessage("")
                        .build(),
                EnvelopeMetadata.of("bench", "bench"));
    }

    private static void await(CountDownLatch latch, String name) throws InterruptedException {
        if (!latch.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(name + ": " + latch.getCount() + " messages never arrived");
        }
    }

    private static Result result(String name, long[] latencies, double seconds) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(
                name,
                sorted.length,
                seconds,
                sorted[sorted.length / 2] / 1000,
                sorted[(int) (sorted.length * 0.99)] / 1000);
    }
}
