package dev.aios.agent.persona;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.Changeset;

/** A builder persona's answer: what it changed and why, before the workspace validates the paths. */
public record ChangesetProposal(String summary, Changeset changeset) {
    public ChangesetProposal {
        requireNonNull(summary, "summary");
        requireNonNull(changeset, "changeset");
    }
}
