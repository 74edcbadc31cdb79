package dev.aios.agent.messaging;

import dev.aios.agent.messaging.internal.BrokerTlsSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the adapter from {@code spring.rabbitmq.*} (address, credentials, virtual host) and {@code aios.messaging.*};
 * every bean backs off when the application defines its own, and {@code aios.messaging.enabled=false} turns it all off.
 * The beans are built by {@link MessagingAssembly}, which the standalone launcher calls too.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "aios.messaging", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MessagingAssembly messagingAssembly(MessagingProperties properties) {
        return new MessagingAssembly(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    BrokerDialect brokerDialect(MessagingAssembly assembly) {
        return assembly.dialect();
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingSettings messagingSettings(MessagingAssembly assembly) {
        return assembly.settings();
    }

    /**
     * Reads {@code spring.rabbitmq.*} through Spring Boot's own {@link RabbitProperties}, so the adapter's connections
     * and Boot's (the {@code rabbit} health check) agree on host, port (5671 by default with TLS) and
     * {@code spring.rabbitmq.ssl.*}.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    AmqpConnections amqpConnections(Environment env, ObjectProvider<SslBundles> bundles) {
        RabbitProperties rabbit = Binder.get(env).bindOrCreate("spring.rabbitmq", RabbitProperties.class);
        return new AmqpConnections(
                rabbit.determineHost(),
                rabbit.determinePort(),
                rabbit.determineUsername(),
                rabbit.determinePassword(),
                rabbit.determineVirtualHost() == null ? "/" : rabbit.determineVirtualHost(),
                env.getProperty("spring.application.name", "aios"),
                BrokerTlsSettings.from(rabbit.getSsl(), bundles));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RabbitEnvelopePublisher rabbitEnvelopePublisher(
            MessagingAssembly assembly, AmqpConnections connections, MessagingSettings settings) {
        return assembly.publisher(connections, settings);
    }

    /** What applications inject: the confirmed publisher, timed when a meter registry is there. */
    @Bean
    @Primary
    @ConditionalOnMissingBean(value = EnvelopePublisher.class, ignored = RabbitEnvelopePublisher.class)
    EnvelopePublisher envelopePublisher(
            MessagingAssembly assembly, RabbitEnvelopePublisher publisher, ObjectProvider<MeterRegistry> registry) {
        return assembly.metered(publisher, registry.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    BrokerTopology brokerTopology(
            MessagingAssembly assembly,
            AmqpConnections connections,
            BrokerDialect dialect,
            MessagingSettings settings) {
        return assembly.topology(connections, dialect, settings);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ReliableConsumers reliableConsumers(
            MessagingAssembly assembly,
            AmqpConnections connections,
            RabbitEnvelopePublisher publisher,
            BrokerDialect dialect,
            MessagingSettings settings) {
        return assembly.consumers(connections, publisher, dialect, settings);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(
            MessagingAssembly assembly,
            AmqpConnections connections,
            RabbitEnvelopePublisher publisher,
            BrokerTopology topology) {
        return assembly.deadLetters(connections, publisher, topology);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxStore inboxStore(MessagingAssembly assembly, ObjectProvider<StringRedisTemplate> redis) {
        return assembly.inbox(redis.getIfAvailable());
    }
}
