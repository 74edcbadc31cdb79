package dev.aios.agents.qa.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agents.qa.sandbox.TestCommand.Framework;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandDetectorTest {
    private final TestCommandDetector detector = new TestCommandDetector("/usr/bin/python3");

    @TempDir
    Path root;

    @Test
    void aMavenProjectRunsMavenOffline() throws Exception {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("tool.py"), "");

        assertThat(detector.detect(root)).get().satisfies(command -> {
            assertThat(command.framework()).isEqualTo(Framework.MAVEN);
            assertThat(command.display()).isEqualTo("mvn -q -B -o test");
        });
    }

    @Test
    void anNpmProjectRunsNpmTest() throws Exception {
        Files.writeString(root.resolve("package.json"), "{}");

        assertThat(detector.detect(root))
                .get()
                .extracting(TestCommand::framework)
                .isEqualTo(Framework.NPM);
    }

    @Test
    void pythonUsesPytestOnlyWhenConfigured() throws Exception {
        Files.createDirectories(root.resolve("app"));
        Files.writeString(root.resolve("app/main.py"), "");
        assertThat(detector.detect(root))
                .get()
                .extracting(TestCommand::framework)
                .isEqualTo(Framework.UNITTEST);

        Files.writeString(root.resolve("pyproject.toml"), "[tool.pytest.ini_options]\n");
        assertThat(detector.detect(root))
                .get()
                .satisfies(command ->
                        assertThat(command.argv()).containsExactly("/usr/bin/python3", "-m", "pytest", "-q"));
    }

    @Test
    void nothingToRunIsEmpty() throws Exception {
        Files.writeString(root.resolve("README.md"), "# hi");

        assertThat(detector.detect(root)).isEmpty();
    }
}
