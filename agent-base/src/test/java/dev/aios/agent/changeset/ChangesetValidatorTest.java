package dev.aios.agent.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangesetValidatorTest {
    private final ChangesetValidator validator = new ChangesetValidator(new ChangesetLimits(100, 3, 64));

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "src/../../x", "a/..", ".."})
    void rejectsParentReferences(String path) {
        assertThat(validator.violations(write(path))).singleElement().asString().contains("'..'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "/tmp/x"})
    void rejectsAbsolutePaths(String path) {
        assertThat(validator.violations(write(path))).singleElement().asString().contains("absolute");
    }

    @Test
    void rejectsNulAndControlCharacters() {
        assertThat(validator.violations(write("src/a\u0000.java")))
                .singleElement()
                .asString()
                .contains("NUL");
        assertThat(validator.violations(write("src/a\n.java")))
                .singleElement()
                .asString()
                .contains("control");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C:/Windows/x", "src\\main.java", "./a", "a//b", "a/./b", "a/"})
    void rejectsBackslashesDriveLettersAndUnnormalisedPaths(String path) {
        assertThat(validator.violations(write(path))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".git/hooks/post-checkout",
                ".git/config",
                ".GIT/config",
                ".git",
                ".git./config",
                "git~1/config",
                "vendor/lib/.git/hooks/pre-commit",
                "vendor/lib/.Git /config"
            })
    void rejectsWritesIntoAnyGitDirectoryNestedOrDisguised(String path) {
        assertThat(validator.violations(write(path))).singleElement().asString().contains(".git directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"~/.ssh/authorized_keys", "~root/.bashrc", "~"})
    void rejectsHomeDirectoryPaths(String path) {
        assertThat(validator.violations(write(path))).singleElement().asString().contains("home-directory path");
    }

    @Test
    void acceptsGitFilesThatAreNotTheGitDirectory() {
        assertThat(validator.violations(write(".gitignore"))).isEmpty();
        assertThat(validator.violations(write("docs/.git-notes.md"))).isEmpty();
        assertThat(validator.violations(write("src/.gitkeep"))).isEmpty();
        assertThat(validator.violations(write("docs/~draft.md"))).isEmpty();
    }

    @Test
    void rejectsAnOversizedFile() {
        Changeset changeset = new Changeset(List.of(new FileContent("big.bin", new byte[101])), List.of());
        assertThat(validator.violations(changeset)).singleElement().asString().contains("file too large");
    }

    @Test
    void rejectsTooManyFiles() {
        Changeset changeset = new Changeset(
                IntStream.range(0, 3)
                        .mapToObj(i -> FileContent.text("f" + i + ".txt", "x"))
                        .toList(),
                List.of("old.txt"));
        assertThat(validator.violations(changeset)).singleElement().asString().contains("too many files: 4 > 3");
    }

    @Test
    void acceptsOrdinaryRelativePaths() {
        Changeset changeset = new Changeset(
                List.of(
                        FileContent.text("src/main/java/App.java", "class App {}"),
                        FileContent.text(".github/ci.yml", "on: push")),
                List.of("README.old"));
        assertThat(validator.violations(changeset)).isEmpty();
    }

    @Test
    void reportsEveryViolationAtOnceAndThrowsOnValidate() {
        Changeset changeset =
                new Changeset(List.of(FileContent.text("../a", "x"), FileContent.text("/b", "y")), List.of());
        assertThat(validator.violations(changeset)).hasSize(2);
        assertThatThrownBy(() -> validator.validate(changeset))
                .isInstanceOf(ChangesetViolationException.class)
                .hasMessageContaining("'..'")
                .hasMessageContaining("absolute");
    }

    private static Changeset write(String path) {
        return new Changeset(List.of(FileContent.text(path, "content")), List.of());
    }
}
