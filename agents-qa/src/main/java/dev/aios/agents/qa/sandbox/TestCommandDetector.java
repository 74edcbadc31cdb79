package dev.aios.agents.qa.sandbox;

import dev.aios.agents.qa.sandbox.TestCommand.Framework;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Picks the test command from the workspace: maven, npm, pytest when configured, else python unittest. */
final class TestCommandDetector {
    private final String python;

    TestCommandDetector(String python) {
        this.python = python;
    }

    Optional<TestCommand> detect(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve("pom.xml"))) {
            return Optional.of(new TestCommand(List.of("mvn", "-q", "-B", "-o", "test"), Framework.MAVEN));
        }
        if (Files.isRegularFile(root.resolve("package.json"))) {
            return Optional.of(new TestCommand(List.of("npm", "test", "--silent"), Framework.NPM));
        }
        if (!containsPython(root)) {
            return Optional.empty();
        }
        if (usesPytest(root)) {
            return Optional.of(new TestCommand(List.of(python, "-m", "pytest", "-q"), Framework.PYTEST));
        }
        return Optional.of(new TestCommand(List.of(python, "-m", "unittest", "discover", "-v"), Framework.UNITTEST));
    }

    private static boolean containsPython(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(p -> p.toString().endsWith(".py"));
        }
    }

    private static boolean usesPytest(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve("pytest.ini")) || Files.isRegularFile(root.resolve("conftest.py"))) {
            return true;
        }
        for (String config : List.of("pyproject.toml", "setup.cfg", "tox.ini")) {
            Path file = root.resolve(config);
            if (Files.isRegularFile(file) && Files.readString(file).contains("pytest")) {
                return true;
            }
        }
        return false;
    }
}
