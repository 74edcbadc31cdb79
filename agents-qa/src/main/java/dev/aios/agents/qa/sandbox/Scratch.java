package dev.aios.agents.qa.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes what a sandbox run left in the scratch directory; a failure is logged, never thrown over a result. */
final class Scratch {
    private static final Logger log = LoggerFactory.getLogger(Scratch.class);

    private Scratch() {}

    static void delete(@Nullable Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("could not delete the sandbox's {}: {}", path, e.toString());
        }
    }
}
