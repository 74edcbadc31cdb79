package dev.aios.agent.messaging;

import dev.aios.agent.testkit.AiosTestInfrastructure;
import java.time.Duration;
import java.util.List;

/** A private vhost on the test broker with the whole adapter wired to it; closing it deletes the vhost. */
public final class BrokerFixture implements AutoCloseable {
    public final AiosTestInfrastructure.TemporaryVhost vhost;
    public final AmqpConnections connections;
    public final RabbitEnvelopePublisher publisher;
    public final BrokerTopology topology;
    public final ReliableConsumers consumers;
    public final DeadLetters deadLetters;
    public final MessagingSettings settings;

    public BrokerFixture(MessagingSettings settings) {
        AiosTestInfrastructure infrastructure = AiosTestInfrastructure.get();
        this.settings = settings;
        this.vhost = infrastructure.createVhost();
        AiosTestInfrastructure.Endpoint rabbit = infrastructure.rabbit();
        this.connections = new AmqpConnections(
                rabbit.host(), rabbit.port(), rabbit.username(), rabbit.password(), vhost.name(), "it");
        this.publisher = new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
        this.topology = new BrokerTopology(connections.consumer(), new RabbitMqDialect(), settings);
        this.consumers = new ReliableConsumers(connections.consumer(), publisher, new RabbitMqDialect(), settings);
        this.deadLetters = new DeadLetters(connections.consumer(), publisher, topology);
    }

    public static MessagingSettings fastRetries() {
        return new MessagingSettings(
                List.of(Duration.ofMillis(300), Duration.ofMillis(600), Duration.ofMillis(900)),
                4,
                2,
                Duration.ofSeconds(5),
                10_000);
    }

    @Override
    public void close() {
        consumers.close();
        publisher.close();
        connections.close();
        vhost.close();
    }
}
