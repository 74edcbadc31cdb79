package dev.aios.router.cassette;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads cassettes from comma-separated locations: {@code classpath:}, {@code classpath*:} or {@code file:} patterns,
 * or plain file paths. A location that matches nothing is an error: a replay must not silently have fewer recordings
 * than it was told to use.
 */
public final class CassetteLoader {
    private CassetteLoader() {}

    public static List<Cassette> load(String locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Cassette> cassettes = new ArrayList<>();
        for (String location : locations.split(",")) {
            String pattern = location.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            if (!pattern.contains(":")) {
                pattern = Path.of(pattern).toAbsolutePath().toUri().toString();
            }
            try {
                Resource[] found = resolver.getResources(pattern);
                Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getDescription())));
                List<Resource> readable =
                        Arrays.stream(found).filter(Resource::isReadable).toList();
                if (readable.isEmpty()) {
                    throw new InvalidCassetteException("no cassette found at " + location.strip());
                }
                for (Resource resource : readable) {
                    cassettes.add(CassetteFile.parse(
                            describe(resource), resource.getContentAsString(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read cassettes at " + location.strip(), e);
            }
        }
        return cassettes;
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }
}
