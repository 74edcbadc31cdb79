package dev.aios.orchestrator.planning;

import dev.aios.events.v1.Changeset;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which changesets are risky enough to wait for a person when a project asks for it: ones that touch CI, Docker or
 * deployment files, delete files, or are large. A pattern ending in {@code /} names a directory anywhere in a path;
 * any other pattern is a file name, with {@code *} for any characters.
 */
public record RiskyChanges(List<String> patterns, int maxFiles, long maxBytes) {
    public static final List<String> DEFAULT_PATTERNS = List.of(
            ".github/",
            ".gitlab-ci.yml",
            ".circleci/",
            "Jenkinsfile",
            "Dockerfile*",
            "*.dockerfile",
            "docker-compose*",
            "compose.yaml",
            "compose.yml",
            "helm/",
            "k8s/",
            "kubernetes/",
            "deploy/",
            "deployment/",
            "terraform/");

    public RiskyChanges {
        patterns = List.copyOf(patterns);
        if (maxFiles < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("risky-change bounds must be positive");
        }
    }

    public static RiskyChanges defaults() {
        return new RiskyChanges(DEFAULT_PATTERNS, 40, 500_000);
    }

    /** Why the changeset is risky, one reason a line; empty when it is not. */
    List<String> reasons(Changeset changeset) {
        var reasons = new ArrayList<String>();
        for (FileWrite w : changeset.getWritesList()) {
            matching(w.getPath()).ifPresent(p -> reasons.add("writes " + w.getPath() + " (matches " + p + ")"));
        }
        for (FileDelete d : changeset.getDeletesList()) {
            reasons.add("deletes " + d.getPath());
        }
        int files = changeset.getWritesCount() + changeset.getDeletesCount();
        if (files > maxFiles) {
            reasons.add("changes " + files + " files (more than " + maxFiles + ")");
        }
        long bytes = changeset.getWritesList().stream()
                .mapToLong(w -> w.getContent().size())
                .sum();
        if (bytes > maxBytes) {
            reasons.add("writes " + bytes + " bytes (more than " + maxBytes + ")");
        }
        return reasons;
    }

    private Optional<String> matching(String path) {
        String[] segments = path.split("/");
        String file = segments[segments.length - 1];
        for (String pattern : patterns) {
            if (pattern.endsWith("/")) {
                String dir = pattern.substring(0, pattern.length() - 1);
                for (int i = 0; i < segments.length - 1; i++) {
                    if (segments[i].equals(dir)) {
                        return Optional.of(pattern);
                    }
                }
            } else if (glob(pattern).matcher(file.toLowerCase(Locale.ROOT)).matches()) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }

    private static Pattern glob(String pattern) {
        var regex = new StringBuilder();
        for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
