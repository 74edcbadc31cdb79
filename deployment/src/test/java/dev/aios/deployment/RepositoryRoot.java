package dev.aios.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the build passes it in, an IDE run walks up to the directory holding ./aios. */
final class RepositoryRoot {

    private RepositoryRoot() {}

    static Path path() {
        String configured = System.getProperty("aios.repository.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("aios")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with ./aios and pom.xml)");
    }

    static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
