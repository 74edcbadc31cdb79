package dev.aios.agent.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.agent.messaging.tls.TestCertificates;
import dev.aios.agent.messaging.tls.TlsRabbitNode;
import dev.aios.events.v1.Envelope;
import dev.aios.events.v1.TaskStarted;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The adapter over {@code amqps}: a private RabbitMQ node with only a TLS listener (certificates made in the test,
 * client certificate required); the connections are configured by {@code spring.rabbitmq.ssl.*} alone.
 */
class AmqpsIT {
    private static TlsRabbitNode node;

    @BeforeAll
    static void startTlsNode() {
        node = TlsRabbitNode.start();
    }

    @AfterAll
    static void stopTlsNode() {
        if (node != null) {
            node.close();
        }
    }

    private ApplicationContextRunner appWithTls(String trustStore, boolean clientCertificate) {
        TestCertificates pki = node.certificates;
        var runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class))
                .withPropertyValues(
                        "spring.application.name=amqps-it",
                        "spring.rabbitmq.host=127.0.0.1",
                        "spring.rabbitmq.port=" + node.port,
                        "spring.rabbitmq.username=guest",
                        "spring.rabbitmq.password=guest",
                        "spring.rabbitmq.ssl.enabled=true",
                        "spring.rabbitmq.ssl.trust-store=" + pki.location(trustStore),
                        "spring.rabbitmq.ssl.trust-store-type=PKCS12",
                        "spring.rabbitmq.ssl.trust-store-password=" + TestCertificates.PASSWORD);
        return clientCertificate
                ? runner.withPropertyValues(
                        "spring.rabbitmq.ssl.key-store=" + pki.location("client.p12"),
                        "spring.rabbitmq.ssl.key-store-type=PKCS12",
                        "spring.rabbitmq.ssl.key-store-password=" + TestCertificates.PASSWORD)
                : runner;
    }

    @Test
    void publishesAndConsumesOverAmqpsWithATrustedServerAndAClientCertificate() {
        appWithTls("ca.p12", true).run(context -> {
            // given
            assertThat(context).hasNotFailed();
            BrokerTopology topology = context.getBean(BrokerTopology.class);
            String queue = topology.declareEventQueue("amqps-it.events", List.of("task.started"));
            var received = new CompletableFuture<ReceivedEnvelope>();
            ConsumerHandle consumer =
                    context.getBean(ReliableConsumers.class).start(new ConsumerSpec(queue, 5, 1), received::complete);
            TaskStarted started = TaskStarted.newBuilder()
                    .setProjectId("p-tls")
                    .setTaskId("T-1")
                    .setAgentId("backend-1")
                    .build();
            Envelope sent =
                    Envelopes.wrap(started, new EnvelopeMetadata("", "project-p-tls", 0, "p-tls", "cause-1", "it", ""));

            // when
            context.getBean(EnvelopePublisher.class)
                    .publish(Destination.event(sent.getType()), sent)
                    .get(10, TimeUnit.SECONDS);

            // then
            ReceivedEnvelope message = received.get(20, TimeUnit.SECONDS);
            assertThat(message.envelope()).isEqualTo(sent);
            assertThat(context.getBean(AmqpConnections.class)
                            .publisher()
                            .getAddress()
                            .getHostAddress())
                    .isEqualTo("127.0.0.1");
            consumer.close();
        });
    }

    @Test
    void takesTheCaAndClientCertificateFromAnSslBundleOfPemFilesAsTheChartMountsThem() {
        TestCertificates pki = node.certificates;
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MessagingAutoConfiguration.class))
                .withPropertyValues(
                        "spring.rabbitmq.host=127.0.0.1",
                        "spring.rabbitmq.port=" + node.port,
                        "spring.rabbitmq.ssl.enabled=true",
                        "spring.rabbitmq.ssl.bundle=rabbitmq",
                        "spring.ssl.bundle.pem.rabbitmq.truststore.certificate=" + pki.location("ca.pem"),
                        "spring.ssl.bundle.pem.rabbitmq.keystore.certificate=" + pki.location("client.pem"),
                        "spring.ssl.bundle.pem.rabbitmq.keystore.private-key=" + pki.location("client.key"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AmqpConnections.class)
                                    .publisher()
                                    .isOpen())
                            .isTrue();
                    // a round trip proves the channel works over the TLS session
                    BrokerTopology topology = context.getBean(BrokerTopology.class);
                    String queue = topology.declareEventQueue("amqps-it.bundle", List.of("task.progress"));
                    assertThat(queue).isEqualTo("amqps-it.bundle");
                });
    }

    @Test
    void refusesABrokerWhoseCertificateIsSignedByAnUntrustedAuthority() {
        appWithTls("rogue-ca.p12", true).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasMessageContaining("cannot connect to the broker at amqps://127.0.0.1:" + node.port)
                    .rootCause()
                    .isInstanceOf(java.security.cert.CertificateException.class); // the server's chain was not trusted
        });
    }

    @Test
    void theBrokerRefusesAClientWithoutACertificate() {
        appWithTls("ca.p12", false)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasMessageContaining("cannot connect to the broker at amqps://127.0.0.1:" + node.port));
    }

    @Test
    void aPlainAmqpConnectionToTheTlsListenerFails() {
        assertThatThrownBy(() -> new AmqpConnections("127.0.0.1", node.port, "guest", "guest", "/", "plain-it").close())
                .isInstanceOfAny(java.io.UncheckedIOException.class, IllegalStateException.class)
                .hasMessageContaining("amqp://127.0.0.1:" + node.port);
    }
}
