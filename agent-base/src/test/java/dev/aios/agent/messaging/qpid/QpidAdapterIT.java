package dev.aios.agent.messaging.qpid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import dev.aios.agent.TransientFailureException;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.ConsumerSpec;
import dev.aios.agent.messaging.DeadLetter;
import dev.aios.agent.messaging.DeadLetters;
import dev.aios.agent.messaging.Destination;
import dev.aios.agent.messaging.EnvelopeMetadata;
import dev.aios.agent.messaging.Envelopes;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.QpidDialect;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.ReceivedEnvelope;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same adapter on the embedded Qpid Broker-J through its dialect: round trip, poison to DLQ, delayed retry. */
class QpidAdapterIT {
    private static EmbeddedQpidBroker qpid;
    private static AmqpConnections connections;
    private static RabbitEnvelopePublisher publisher;
    private static BrokerTopology topology;
    private static ReliableConsumers consumers;
    private static DeadLetters deadLetters;

    @BeforeAll
    static void startEmbeddedBroker() {
        qpid = EmbeddedQpidBroker.start(0, "guest", "guest");
        MessagingSettings settings = new MessagingSettings(
                List.of(Duration.ofMillis(300), Duration.ofMillis(600)), 3, 2, Duration.ofSeconds(5), 10_000);
        connections = new AmqpConnections("127.0.0.1", qpid.port(), "guest", "guest", "default", "qpid-it");
        publisher = new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
        topology = new BrokerTopology(connections.consumer(), new QpidDialect(), settings);
        consumers = new ReliableConsumers(connections.consumer(), publisher, new QpidDialect(), settings);
        deadLetters = new DeadLetters(connections.consumer(), publisher, topology);
    }

    @AfterAll
    static void stopEmbeddedBroker() {
        consumers.close();
        publisher.close();
        connections.close();
        qpid.close();
    }

    @Test
    void roundTripsAnEnvelope() throws Exception {
        // given
        String queue = topology.declareEventQueue("it.roundtrip", List.of("task.progress"));
        List<ReceivedEnvelope> received = new CopyOnWriteArrayList<>();
        consumers.start(new ConsumerSpec(queue, 5, 1), received::add);
        Envelope sent = Envelopes.wrap(
                TaskProgress.newBuilder().setMessage("hello").build(), EnvelopeMetadata.of("qpid-it", "p"));

        // when
        publisher.publish(Destination.event(sent.getType()), sent).get(5, TimeUnit.SECONDS);

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(received.getFirst().envelope()).isEqualTo(sent);
    }

    @Test
    void deadLettersAPoisonMessageWhileGoodOnesFlow() throws Exception {
        // given
        String queue = topology.declareEventQueue("it.poison", List.of("qpid-poison"));
        List<String> good = new CopyOnWriteArrayList<>();
        List<String> crashes = new CopyOnWriteArrayList<>();
        consumers.start(new ConsumerSpec(queue, 5, 1), message -> {
            String text = message.payload(TaskProgress.class).getMessage();
            if (text.equals("crash")) {
                crashes.add(text);
                throw new AssertionError("simulated consumer crash");
            }
            good.add(text);
        });

        // when
        publish(queue, "good 1");
        publisher
                .publishRaw(
                        "",
                        queue,
                        new AMQP.BasicProperties.Builder().messageId("raw").build(),
                        "not protobuf at all".getBytes(StandardCharsets.UTF_8))
                .get(5, TimeUnit.SECONDS);
        publish(queue, "crash");
        publish(queue, "good 2");

        // then
        String dlq = BrokerTopology.deadLetterQueueName(queue);
        await().atMost(Duration.ofSeconds(20)).until(() -> good.size() == 2 && deadLetters.depth(dlq) == 2);
        assertThat(deadLetters.peek(dlq, 5))
                .extracting(DeadLetter::reason)
                .anySatisfy(r -> assertThat(r).contains("not a protobuf envelope"))
                .anySatisfy(r -> assertThat(r).startsWith("handler crashed: AssertionError"));
        // Qpid does not count requeues, so a crashing message is dead-lettered on its first delivery, never looped
        assertThat(crashes).hasSize(1);
        assertThat(good).containsExactly("good 1", "good 2");
    }

    @Test
    void retriesATransientFailureAfterTheDelayAndThenSucceeds() throws Exception {
        // given
        String queue = topology.declareEventQueue("it.transient", List.of("qpid-transient"));
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        List<Long> times = new CopyOnWriteArrayList<>();
        consumers.start(new ConsumerSpec(queue, 5, 1), message -> {
            attempts.add(message.attempt());
            times.add(System.nanoTime());
            if (message.attempt() < 2) {
                throw new TransientFailureException("not yet");
            }
        });

        // when
        publish(queue, "flaky");

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 2);
        assertThat(attempts).containsExactly(1, 2);
        assertThat(Duration.ofNanos(times.get(1) - times.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(deadLetters.depth(BrokerTopology.deadLetterQueueName(queue))).isZero();
    }

    private static void publish(String queue, String text) throws Exception {
        Envelope envelope =
                Envelopes.wrap(TaskProgress.newBuilder().setMessage(text).build(), EnvelopeMetadata.of("qpid-it", "p"));
        publisher.publish(new Destination("", queue), envelope).get(5, TimeUnit.SECONDS);
    }
}
