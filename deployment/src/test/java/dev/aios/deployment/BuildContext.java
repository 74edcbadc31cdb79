package dev.aios.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * What `docker build -f docker/Dockerfile .` sends from the repository: every file under the root except those its
 * ignore file leaves out. BuildKit reads docker/Dockerfile.dockerignore (the Dockerfile's own) before .dockerignore.
 */
record BuildContext(Path root, List<String> ignorePatterns) {

    BuildContext {
        root = root.toAbsolutePath().normalize();
        ignorePatterns = ignorePatterns.stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith("#"))
                .toList();
    }

    static BuildContext ofRepository() {
        Path root = RepositoryRoot.path();
        Path ignore = root.resolve("docker/Dockerfile.dockerignore");
        if (!Files.isRegularFile(ignore)) {
            ignore = root.resolve(".dockerignore");
        }
        try {
            return new BuildContext(root, Files.isRegularFile(ignore) ? Files.readAllLines(ignore) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the build sees this file (a path relative to the root, '/'-separated): the last pattern that matches it
     * or one of its parent directories decides, a '!' pattern letting it back in.
     */
    boolean sends(String relativePath) {
        Path path = Path.of(relativePath).normalize();
        boolean excluded = false;
        for (String pattern : ignorePatterns) {
            boolean exception = pattern.startsWith("!");
            String glob = (exception ? pattern.substring(1) : pattern).strip().replaceFirst("^/+", "");
            if (matchesItOrAParent(glob, path)) {
                excluded = !exception;
            }
        }
        return !excluded;
    }

    Path resolve(String relativePath) {
        return root.resolve(relativePath).normalize();
    }

    private static boolean matchesItOrAParent(String glob, Path path) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        // Docker's "**/" also matches no directory at all; Java's glob wants at least one
        PathMatcher withoutLeadingAnyDirectory =
                glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : matcher;
        for (Path p = path; p != null; p = p.getParent()) {
            if (matcher.matches(p) || withoutLeadingAnyDirectory.matches(p)) {
                return true;
            }
        }
        return false;
    }
}
