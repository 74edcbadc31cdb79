package dev.aios.agent.task;

import java.util.List;

/** What a task does to the workspace: files to write and paths to delete. */
public record Changeset(List<FileContent> writes, List<String> deletes) {
    public static final Changeset EMPTY = new Changeset(List.of(), List.of());

    public Changeset {
        writes = List.copyOf(writes);
        deletes = List.copyOf(deletes);
    }
}
