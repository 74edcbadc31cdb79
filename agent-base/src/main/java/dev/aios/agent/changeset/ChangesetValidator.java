package dev.aios.agent.changeset;

import static java.util.Objects.requireNonNull;

import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an LLM-produced changeset before anyone trusts it: every path relative, already normalised, free of
 * {@code ..}, {@code ~}, drive letters, backslashes, NUL and control characters, and outside every {@code .git}
 * directory; each file and the file count within limits.
 * It reports every violation at once; the disk-level symlink checks live in {@link WorkspaceWriter}.
 */
public final class ChangesetValidator {
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private final ChangesetLimits limits;

    public ChangesetValidator(ChangesetLimits limits) {
        this.limits = requireNonNull(limits, "limits");
    }

    public static ChangesetValidator withDefaults() {
        return new ChangesetValidator(ChangesetLimits.defaults());
    }

    public ChangesetLimits limits() {
        return limits;
    }

    /** Every violation found; empty when the changeset is safe to apply. */
    public List<String> violations(Changeset changeset) {
        List<String> violations = new ArrayList<>();
        int files = changeset.writes().size() + changeset.deletes().size();
        if (files > limits.maxFiles()) {
            violations.add("too many files: " + files + " > " + limits.maxFiles());
        }
        Set<String> seen = new HashSet<>();
        for (FileContent write : changeset.writes()) {
            pathViolation(write.path()).ifPresent(violations::add);
            if (!seen.add(write.path())) {
                violations.add("path written twice: " + quoted(write.path()));
            }
            long size = write.content().length;
            if (size > limits.maxFileBytes()) {
                violations.add("file too large: " + quoted(write.path()) + " has " + size + " bytes > "
                        + limits.maxFileBytes());
            }
        }
        for (String delete : changeset.deletes()) {
            pathViolation(delete).ifPresent(violations::add);
            if (seen.contains(delete)) {
                violations.add("path both written and deleted: " + quoted(delete));
            }
        }
        return violations;
    }

    public void validate(Changeset changeset) {
        List<String> violations = violations(changeset);
        if (!violations.isEmpty()) {
            throw new ChangesetViolationException(violations);
        }
    }

    Optional<String> pathViolation(String path) {
        if (path.isEmpty()) {
            return Optional.of("empty path");
        }
        if (path.length() > limits.maxPathLength()) {
            return Optional.of("path longer than " + limits.maxPathLength() + ": " + quoted(path));
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                return Optional.of("NUL character in path: " + quoted(path));
            }
            if (Character.isISOControl(c)) {
                return Optional.of("control character in path: " + quoted(path));
            }
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("backslash in path: " + quoted(path));
        }
        if (path.startsWith("/")) {
            return Optional.of("absolute path: " + quoted(path));
        }
        if (DRIVE_LETTER.matcher(path).matches()) {
            return Optional.of("drive letter in path: " + quoted(path));
        }
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                return Optional.of("parent reference '..' in path: " + quoted(path));
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("path is not normalised: " + quoted(path));
            }
        }
        // a shell would expand it to someone's home directory (~/.ssh/authorized_keys)
        if (segments[0].startsWith("~")) {
            return Optional.of("home-directory path: " + quoted(path));
        }
        // The workspace becomes a git repository: a hook or config written into its .git, or into the .git of a nested
        // repository, would run on the machine of whoever uses it. Git's own spellings count (".GIT", ".git.",
        // "git~1").
        for (String segment : segments) {
            if (isGitDirectory(segment)) {
                return Optional.of("path inside a repository's .git directory: " + quoted(path));
            }
        }
        return Optional.empty();
    }

    private static boolean isGitDirectory(String segment) {
        String name = segment.toLowerCase(Locale.ROOT).replaceAll("[. ]+$", "");
        return name.equals(".git") || name.equals("git~1");
    }

    private static String quoted(String path) {
        StringBuilder shown = new StringBuilder("'");
        for (char c : path.toCharArray()) {
            shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return shown.append('\'').toString();
    }
}
