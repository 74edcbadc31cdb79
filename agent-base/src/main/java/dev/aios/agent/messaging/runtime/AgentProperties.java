package dev.aios.agent.messaging.runtime;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.changeset.ChangesetLimits;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code aios.agent.*}: {@code id} names this replica (default: the role and a random suffix); {@code changeset.*}
 * bounds what one task may write ({@link ChangesetLimits}: {@code max-file-bytes}, {@code max-files},
 * {@code max-path-length}). A value that is not a number, or not positive, stops the service at start.
 */
@ConfigurationProperties(AgentProperties.PREFIX)
public record AgentProperties(
        @Nullable String id, @DefaultValue ChangesetLimits changeset) {
    public static final String PREFIX = "aios.agent";

    public AgentProperties {
        requireNonNull(changeset, "changeset limits");
    }

    /** What a service gets with no {@code aios.agent.*} set. */
    public static AgentProperties defaults() {
        return bind(Map.of());
    }

    /** Binds the {@code aios.agent.*} entries of {@code properties} exactly as a service's auto-configuration does. */
    public static AgentProperties bind(Map<String, ?> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(PREFIX, AgentProperties.class);
    }
}
