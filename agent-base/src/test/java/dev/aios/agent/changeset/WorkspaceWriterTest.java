package dev.aios.agent.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.agent.task.Changeset;
import dev.aios.agent.task.FileContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceWriterTest {
    @TempDir
    Path workspace;

    @TempDir
    Path outside;

    private final ChangesetValidator validator = new ChangesetValidator(new ChangesetLimits(1_000, 10, 200));

    @Test
    void writesAndDeletesFilesInsideTheWorkspace() throws IOException {
        // given
        Files.writeString(workspace.resolve("old.txt"), "old");
        WorkspaceWriter writer = new WorkspaceWriter(workspace, validator);

        // when
        writer.apply(new Changeset(List.of(FileContent.text("src/App.java", "class App {}")), List.of("old.txt")));

        // then
        assertThat(workspace.resolve("src/App.java")).hasContent("class App {}");
        assertThat(workspace.resolve("old.txt")).doesNotExist();
    }

    @Test
    void refusesToWriteThroughASymlinkedDirectoryAndWritesNothing() throws IOException {
        // given a link inside the workspace that points outside it
        Files.createSymbolicLink(workspace.resolve("link"), outside);
        WorkspaceWriter writer = new WorkspaceWriter(workspace, validator);
        Changeset changeset = new Changeset(
                List.of(FileContent.text("good.txt", "fine"), FileContent.text("link/evil.txt", "escaped")), List.of());

        // when / then
        assertThatThrownBy(() -> writer.apply(changeset))
                .isInstanceOf(ChangesetViolationException.class)
                .hasMessageContaining("symlink");
        assertThat(outside.resolve("evil.txt")).doesNotExist();
        assertThat(workspace.resolve("good.txt")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAnExistingSymlinkedFile() throws IOException {
        // given
        Path target = Files.writeString(outside.resolve("secret"), "keep");
        Files.createSymbolicLink(workspace.resolve("notes.md"), target);
        WorkspaceWriter writer = new WorkspaceWriter(workspace, validator);

        // when / then
        assertThatThrownBy(() ->
                        writer.apply(new Changeset(List.of(FileContent.text("notes.md", "overwritten")), List.of())))
                .isInstanceOf(ChangesetViolationException.class);
        assertThat(target).hasContent("keep");
    }

    @Test
    void aSingleViolationWritesNothingAtAll() throws IOException {
        // given
        WorkspaceWriter writer = new WorkspaceWriter(workspace, validator);
        Changeset changeset = new Changeset(
                List.of(
                        FileContent.text("a.txt", "a"),
                        FileContent.text("../escape.txt", "b"),
                        new FileContent("big", new byte[1_001])),
                List.of());

        // when / then
        assertThatThrownBy(() -> writer.apply(changeset)).isInstanceOf(ChangesetViolationException.class);
        try (Stream<Path> files = Files.list(workspace)) {
            assertThat(files).isEmpty();
        }
        assertThat(workspace.getParent().resolve("escape.txt")).doesNotExist();
    }
}
