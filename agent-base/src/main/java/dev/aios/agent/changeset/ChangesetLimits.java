package dev.aios.agent.changeset;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what one task may write: bytes per file, files (writes + deletes) per changeset, path length. Bound from
 * {@code aios.agent.changeset.*}; the {@code @DefaultValue}s are the only defaults, which {@link #defaults()} binds.
 */
public record ChangesetLimits(
        @DefaultValue("1048576") long maxFileBytes,
        @DefaultValue("500") int maxFiles,
        @DefaultValue("512") int maxPathLength) {
    private static final ChangesetLimits DEFAULTS = new Binder().bindOrCreate("changeset", ChangesetLimits.class);

    public ChangesetLimits {
        if (maxFileBytes < 1 || maxFiles < 1 || maxPathLength < 1) {
            throw new IllegalArgumentException("changeset limits must be positive, were max-file-bytes=" + maxFileBytes
                    + ", max-files=" + maxFiles + ", max-path-length=" + maxPathLength);
        }
    }

    public static ChangesetLimits defaults() {
        return DEFAULTS;
    }
}
