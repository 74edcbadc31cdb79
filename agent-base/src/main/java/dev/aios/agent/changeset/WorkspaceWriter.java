package dev.aios.agent.changeset;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies a changeset to a workspace directory all-or-nothing: the whole changeset is validated first (paths, limits,
 * and on disk no symlink anywhere from the workspace root to the target), and only then is anything written.
 */
public final class WorkspaceWriter {
    private final Path root;
    private final ChangesetValidator validator;

    public WorkspaceWriter(Path workspaceRoot, ChangesetValidator validator) {
        this.validator = requireNonNull(validator, "validator");
        try {
            this.root = workspaceRoot.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("workspace root does not exist: " + workspaceRoot, e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("workspace root is not a directory: " + workspaceRoot);
        }
    }

    public void apply(Changeset changeset) {
        List<String> violations = new ArrayList<>(validator.violations(changeset));
        if (violations.isEmpty()) {
            changeset.writes().forEach(w -> symlinkViolation(w.path()).ifPresent(violations::add));
            changeset.deletes().forEach(d -> symlinkViolation(d).ifPresent(violations::add));
        }
        if (!violations.isEmpty()) {
            throw new ChangesetViolationException(violations);
        }
        try {
            for (FileContent write : changeset.writes()) {
                Path target = root.resolve(write.path());
                Files.createDirectories(target.getParent());
                Files.write(
                        target,
                        write.content(),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            }
            for (String delete : changeset.deletes()) {
                Files.deleteIfExists(root.resolve(delete));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the changeset failed: " + e.getMessage(), e);
        }
    }

    private Optional<String> symlinkViolation(String relative) {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root)) {
            return Optional.of("path escapes the workspace: '" + relative + "'");
        }
        Path current = root;
        for (Path segment : root.relativize(target)) {
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                return Optional.of("symlink in path: '" + relative + "' (at '" + root.relativize(current) + "')");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
        }
        return Optional.empty();
    }
}
