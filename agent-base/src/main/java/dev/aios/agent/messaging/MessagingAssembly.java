package dev.aios.agent.messaging;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.messaging.internal.InMemoryInboxStore;
import dev.aios.agent.messaging.internal.MeteredEnvelopePublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * How the adapter's parts are built from {@link MessagingProperties}. {@link MessagingAutoConfiguration}'s beans and
 * the standalone launcher both call these methods, so a service and the demo get the same publisher, topology,
 * consumers and inbox from the same settings.
 */
public final class MessagingAssembly {
    private final MessagingProperties properties;

    public MessagingAssembly(MessagingProperties properties) {
        this.properties = requireNonNull(properties, "messaging properties");
    }

    public MessagingProperties properties() {
        return properties;
    }

    public BrokerDialect dialect() {
        return BrokerDialect.named(properties.dialect());
    }

    public MessagingSettings settings() {
        return properties.settings();
    }

    /** The confirmed publisher on the connections' publisher connection. */
    public RabbitEnvelopePublisher publisher(AmqpConnections connections, MessagingSettings settings) {
        return new RabbitEnvelopePublisher(connections.publisher(), settings.confirmTimeout());
    }

    /** What applications publish through: {@code publisher}, timed when there is a meter registry. */
    public EnvelopePublisher metered(RabbitEnvelopePublisher publisher, @Nullable MeterRegistry meters) {
        return meters == null ? publisher : new MeteredEnvelopePublisher(publisher, meters);
    }

    /** The topology in the configured mode, its exchanges declared (or, in verify mode, checked) already. */
    public BrokerTopology topology(AmqpConnections connections, BrokerDialect dialect, MessagingSettings settings) {
        BrokerTopology topology = new BrokerTopology(
                connections.consumer(), dialect, settings, properties.topologyMode(), properties.topologyWait());
        topology.declareExchanges();
        return topology;
    }

    public ReliableConsumers consumers(
            AmqpConnections connections,
            RabbitEnvelopePublisher publisher,
            BrokerDialect dialect,
            MessagingSettings settings) {
        return new ReliableConsumers(connections.consumer(), publisher, dialect, settings);
    }

    public DeadLetters deadLetters(
            AmqpConnections connections, RabbitEnvelopePublisher publisher, BrokerTopology topology) {
        return new DeadLetters(connections.consumer(), publisher, topology);
    }

    /** The inbox in Redis under the configured key prefix and retention, or in memory when there is no Redis. */
    public InboxStore inbox(@Nullable StringRedisTemplate redis) {
        return redis == null
                ? new InMemoryInboxStore()
                : new RedisInboxStore(redis, properties.redisKeyPrefix(), properties.inboxRetention());
    }
}
