package dev.aios.router;

import dev.aios.router.provider.ScriptedRecording;
import dev.aios.router.provider.ScriptedRecordings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Loads scripted recordings from a {@code classpath:}, {@code classpath*:} or {@code file:} pattern, in file-name order. */
final class RecordingsLoader {
    private RecordingsLoader() {}

    static List<ScriptedRecording> load(String pattern) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            List<ScriptedRecording> recordings = new ArrayList<>();
            for (Resource resource : resources) {
                if (resource.isReadable()) {
                    recordings.add(ScriptedRecordings.parse(resource.getDescription(),
                            resource.getContentAsString(StandardCharsets.UTF_8)));
                }
            }
            return recordings;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scripted recordings at " + pattern, e);
        }
    }
}
