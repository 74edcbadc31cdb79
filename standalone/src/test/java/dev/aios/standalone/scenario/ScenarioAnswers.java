package dev.aios.standalone.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The authored answers, one file per call ({@code scenario-model/<scenario>/<role>/<call>.json}, a repair answer as
 * {@code <call>.repair.json}), and each scenario's brief from the launcher's resources ({@code scenarios/<name>/brief.md}).
 */
final class ScenarioAnswers {
    static final String ANSWERS = "scenario-model";
    static final String SCENARIOS = "scenarios";

    private final Map<String, String> briefs;
    /** "scenario/role/call.json" → the answer's text. */
    private final Map<String, String> answers;

    ScenarioAnswers(Map<String, String> briefs, Map<String, String> answers) {
        this.briefs = Map.copyOf(briefs);
        this.answers = Map.copyOf(answers);
    }

    static ScenarioAnswers fromClasspath() {
        ClassLoader loader = ScenarioAnswers.class.getClassLoader();
        URL root = loader.getResource(ANSWERS);
        if (root == null) {
            throw new IllegalStateException(
                    ANSWERS + "/ is not on the class path: run from the standalone module's test classes");
        }
        Map<String, String> answers = new TreeMap<>();
        Map<String, String> briefs = new TreeMap<>();
        withDirectory(root, dir -> {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    answers.put(
                            dir.relativize(file).toString().replace('\\', '/'),
                            Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            try (Stream<Path> scenarios = Files.list(dir)) {
                for (Path scenario : scenarios.filter(Files::isDirectory).toList()) {
                    String name = scenario.getFileName().toString().replace("/", "");
                    briefs.put(name, brief(loader, name));
                }
            }
        });
        return new ScenarioAnswers(briefs, answers);
    }

    Map<String, String> briefs() {
        return briefs;
    }

    /** The answer's text without the file's final newline, or empty when none is authored for this call. */
    Optional<String> answer(RecognizedCall call) {
        return Optional.ofNullable(answers.get(call.scenario() + "/" + call.answerFile()))
                .map(String::strip);
    }

    private static String brief(ClassLoader loader, String scenario) throws IOException {
        String resource = SCENARIOS + "/" + scenario + "/brief.md";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "answers are authored for scenario '" + scenario + "' but " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private interface DirectoryReader {
        void read(Path directory) throws IOException;
    }

    /** A class-path directory is a folder in the build, or a folder inside a jar. */
    private static void withDirectory(URL url, DirectoryReader reader) {
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    reader.read(jar.getPath(uri.getSchemeSpecificPart()
                            .substring(uri.getSchemeSpecificPart().indexOf("!/") + 1)));
                }
            } else {
                reader.read(Path.of(uri));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + url, e);
        }
    }
}
