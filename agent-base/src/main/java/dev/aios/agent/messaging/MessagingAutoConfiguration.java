package dev.aios.agent.messaging;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the adapter from {@code spring.rabbitmq.*} (address, credentials, virtual host) and {@code aios.messaging.*};
 * every bean backs off when the application defines its own, and {@code aios.messaging.enabled=false} turns it all off.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "aios.messaging", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BrokerDialect brokerDialect(MessagingProperties properties) {
        return BrokerDialect.named(properties.dialect());
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingSettings messagingSettings(MessagingProperties properties) {
        return properties.settings();
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
    RabbitEnvelopePublisher rabbitEnvelopePublisher(AmqpConnections connections, MessagingSettings settings) {
        return new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
    }

    /** What applications inject: the confirmed publisher, timed when a meter registry is there. */
    @Bean
    @Primary
    @ConditionalOnMissingBean(value = EnvelopePublisher.class, ignored = RabbitEnvelopePublisher.class)
    EnvelopePublisher envelopePublisher(RabbitEnvelopePublisher publisher, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? publisher : new MeteredEnvelopePublisher(publisher, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    BrokerTopology brokerTopology(
            AmqpConnections connections, BrokerDialect dialect, MessagingSettings settings, MessagingProperties properties) {
        BrokerTopology topology = new BrokerTopology(
                connections.consumer(), dialect, settings, properties.topologyMode(), properties.topologyWait());
        topology.declareExchanges();
        return topology;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ReliableConsumers reliableConsumers(
            AmqpConnections connections, RabbitEnvelopePublisher publisher, BrokerDialect dialect, MessagingSettings settings) {
        return new ReliableConsumers(connections.consumer(), publisher, dialect, settings);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(AmqpConnections connections, RabbitEnvelopePublisher publisher, BrokerTopology topology) {
        return new DeadLetters(connections.consumer(), publisher, topology);
    }

    @Bean
    @ConditionalOnMissingBean
    InboxStore inboxStore(ObjectProvider<StringRedisTemplate> redis, MessagingProperties properties) {
        StringRedisTemplate template = redis.getIfAvailable();
        return template == null
                ? new InMemoryInboxStore()
                : new RedisInboxStore(template, properties.redisKeyPrefix(), properties.inboxRetention());
    }
}
