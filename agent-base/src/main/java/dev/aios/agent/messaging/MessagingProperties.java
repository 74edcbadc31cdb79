package dev.aios.agent.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code aios.messaging.*}: the adapter's settings; the broker address, credentials and TLS come from
 * {@code spring.rabbitmq.*}. {@code topology}: {@code declare} (default) or {@code verify} (passive checks only, for a
 * broker user without configure permission; see {@link TopologyMode}); {@code topologyWait}: how long a verifying
 * service waits at start for topology the orchestrator has not declared yet. The {@code @DefaultValue}s are the
 * adapter's only defaults: {@link #defaults()} and {@link MessagingSettings#defaults()} bind an empty source to get them.
 */
@ConfigurationProperties(MessagingProperties.PREFIX)
public record MessagingProperties(
        @DefaultValue("rabbitmq") String dialect,
        @DefaultValue("10") int prefetch,
        @DefaultValue("1") int concurrency,
        @DefaultValue({"1s", "5s", "30s"}) List<Duration> retryDelays,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("3") int deliveryLimit,
        @DefaultValue("10s") Duration confirmTimeout,
        @DefaultValue("100000") long deadLetterMaxLength,
        @DefaultValue("30s") Duration heartbeatTtl,
        @DefaultValue("7d") Duration inboxRetention,
        @DefaultValue("") String redisKeyPrefix,
        @DefaultValue("declare") String topology,
        @DefaultValue("0s") Duration topologyWait) {
    public static final String PREFIX = "aios.messaging";
    private static final MessagingProperties DEFAULTS = bind(Map.of());

    /** What a service gets with no {@code aios.messaging.*} set. */
    public static MessagingProperties defaults() {
        return DEFAULTS;
    }

    /**
     * Binds the {@code aios.messaging.*} entries of {@code properties} (keys as in a service's configuration) exactly as
     * a service's auto-configuration does, for code that assembles the adapter without a Spring context.
     */
    public static MessagingProperties bind(Map<String, ?> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate(PREFIX, MessagingProperties.class);
    }

    public TopologyMode topologyMode() {
        return TopologyMode.named(topology);
    }

    public MessagingSettings settings() {
        return new MessagingSettings(retryDelays, maxAttempts, deliveryLimit, confirmTimeout, deadLetterMaxLength);
    }
}
