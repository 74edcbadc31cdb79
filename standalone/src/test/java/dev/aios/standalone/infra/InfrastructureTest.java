package dev.aios.standalone.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class InfrastructureTest {

    @Test
    void aConfiguredBrokerUrlGivesRabbitMqWithDecodedCredentialsAndVirtualHost() {
        Infrastructure.Broker broker =
                Infrastructure.configuredBroker(URI.create("amqp://aios:p%40ss%3Aword@rabbit.internal:5673/team%2Fa"));

        assertThat(broker)
                .isEqualTo(
                        new Infrastructure.Broker("rabbit.internal", 5673, "aios", "p@ss:word", "team/a", "rabbitmq"));
    }

    @Test
    void defaultsAreRabbitMqsOwn() {
        Infrastructure.Broker broker = Infrastructure.configuredBroker(URI.create("amqp://rabbit"));

        assertThat(broker).isEqualTo(new Infrastructure.Broker("rabbit", 5672, "guest", "guest", "/", "rabbitmq"));
    }
}
