package dev.aios.agent.changeset;

/** Bounds on what one task may write: bytes per file, files (writes + deletes) per changeset, path length. */
public record ChangesetLimits(long maxFileBytes, int maxFiles, int maxPathLength) {
    public ChangesetLimits {
        if (maxFileBytes < 1 || maxFiles < 1 || maxPathLength < 1) {
            throw new IllegalArgumentException("changeset limits must be positive");
        }
    }

    public static ChangesetLimits defaults() {
        return new ChangesetLimits(1_048_576, 500, 512);
    }
}
