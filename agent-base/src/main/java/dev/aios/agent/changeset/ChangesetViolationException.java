package dev.aios.agent.changeset;

import java.util.List;

/** A changeset that must not touch the workspace; nothing of it was written. */
public class ChangesetViolationException extends RuntimeException {
    private final List<String> violations;

    public ChangesetViolationException(List<String> violations) {
        super("changeset rejected: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
