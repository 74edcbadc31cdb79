package dev.aios.orchestrator.planning;

import dev.aios.events.v1.Changeset;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Defense in depth before a changeset touches the workspace: every path relative, normalised and inside it,
 * bounded file and changeset size. Agents validate too; a model's output is never trusted twice.
 */
final class ChangesetRules {
    static final int MAX_FILES = 200;
    static final int MAX_FILE_BYTES = 1_000_000;
    static final int MAX_PATH_LENGTH = 255;

    List<String> violations(Changeset changeset) {
        var problems = new ArrayList<String>();
        if (changeset.getWritesCount() + changeset.getDeletesCount() > MAX_FILES) {
            problems.add("more than " + MAX_FILES + " files");
        }
        for (FileWrite w : changeset.getWritesList()) {
            pathProblem(w.getPath()).ifPresent(problems::add);
            if (w.getContent().size() > MAX_FILE_BYTES) {
                problems.add(w.getPath() + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
        }
        for (FileDelete d : changeset.getDeletesList()) {
            pathProblem(d.getPath()).ifPresent(problems::add);
        }
        return problems;
    }

    private static java.util.Optional<String> pathProblem(String path) {
        if (path.isBlank() || path.length() > MAX_PATH_LENGTH) {
            return java.util.Optional.of("path '" + path + "' must be 1-" + MAX_PATH_LENGTH + " characters");
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains("\0") || path.matches("^[A-Za-z]:.*")) {
            return java.util.Optional.of("path '" + path + "' must be relative with forward slashes");
        }
        try {
            Path p = Path.of(path);
            if (!p.normalize().toString().equals(path) || path.startsWith("..") || path.split("/")[0].equals(".git")) {
                return java.util.Optional.of("path '" + path + "' must be normalised, inside the workspace and outside .git");
            }
        } catch (InvalidPathException e) {
            return java.util.Optional.of("path '" + path + "' is not a valid path");
        }
        return java.util.Optional.empty();
    }
}
