package dev.aios.agent.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The broker closes every connection of our vhost: publisher and consumers come back by themselves. */
class ConnectionRecoveryIT {
    private final BrokerFixture broker = new BrokerFixture(BrokerFixture.fastRetries());

    @AfterEach
    void deleteVhost() {
        broker.close();
    }

    @Test
    void publisherAndConsumerRecoverAfterTheBrokerClosesTheirConnections() throws Exception {
        // given
        String queue = broker.topology.declareEventQueue("it.recovery", List.of("recovery"));
        Set<String> received = ConcurrentHashMap.newKeySet();
        ConsumerHandle handle = broker.consumers.start(
                new ConsumerSpec(queue, 10, 2),
                m -> received.add(m.payload(TaskProgress.class).getMessage()));
        publish(queue, "before");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("before"));

        // when: only our vhost's connections are closed, so other tests on this broker are unaffected
        closeConnectionsOf(broker.vhost.name());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> broker.connections.publisher().isOpen()
                        && broker.connections.consumer().isOpen());

        // then: publishing is confirmed again and the re-registered consumers get the message
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
            publish(queue, "after");
            return true;
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> received.contains("after"));
        assertThat(handle.isRunning()).isTrue();
    }

    private void publish(String queue, String text) throws Exception {
        Envelope envelope =
                Envelopes.wrap(TaskProgress.newBuilder().setMessage(text).build(), EnvelopeMetadata.of("it", "p"));
        broker.publisher.publish(new Destination("", queue), envelope).get(5, TimeUnit.SECONDS);
    }

    private static void closeConnectionsOf(String vhost) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "rabbitmqctl",
                        "-q",
                        "close_all_connections",
                        "--vhost",
                        vhost,
                        "--limit",
                        "100",
                        "fault injection by ConnectionRecoveryIT")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
