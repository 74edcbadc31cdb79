package dev.aios.orchestrator.repository;

import com.google.protobuf.Message;
import dev.aios.agent.changeset.ChangesetValidator;
import dev.aios.agent.changeset.WorkspaceWriter;
import dev.aios.agent.messaging.runtime.TaskEventMapper;
import dev.aios.events.v1.TaskCompleted;
import dev.aios.events.v1.TaskKind;
import dev.aios.orchestrator.eventstore.EventCodec;
import dev.aios.orchestrator.eventstore.EventStore;
import dev.aios.orchestrator.eventstore.StoredEvent;
import dev.aios.orchestrator.planning.ProjectState;
import dev.aios.orchestrator.planning.TaskState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.stereotype.Component;

/**
 * Replays a project's completed tasks into a fresh git repository, one commit per completed task, authored by
 * the agent at the time the result was recorded, and returns it (with {@code .git}) as a zip archive.
 */
@Component
public class RepositoryExport {
    private final EventStore store;

    public RepositoryExport(EventStore store) {
        this.store = store;
    }

    public byte[] archive(String streamId, String projectName) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("aios-repo-");
            build(dir, store.readStream(streamId));
            return zip(dir, projectName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("git failed: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /** Builds the project's repository in a temporary directory, lets {@code reader} read it, then deletes it. */
    <T> T read(String streamId, RepositoryReader<T> reader) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("aios-repo-");
            build(dir, store.readStream(streamId));
            try (Git git = Git.open(dir.toFile())) {
                return reader.read(git);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("git failed: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /** What reads a built repository. */
    @FunctionalInterface
    interface RepositoryReader<T> {
        T read(Git git) throws IOException, GitAPIException;
    }

    static void build(Path dir, List<StoredEvent> events) throws GitAPIException, IOException {
        var state = ProjectState.initial();
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            WorkspaceWriter writer = new WorkspaceWriter(dir, ChangesetValidator.withDefaults());
            for (StoredEvent stored : events) {
                Message m = EventCodec.unwrap(stored.envelope());
                state = ProjectState.evolve(state, m);
                if (!(m instanceof TaskCompleted done)) {
                    continue;
                }
                TaskState task = state.tasks().get(done.getTaskId());
                boolean review = task.spec().getKind() == TaskKind.TASK_KIND_SPRINT_REVIEW;
                if (review
                        && done.getChangeset().getWritesCount()
                                        + done.getChangeset().getDeletesCount()
                                == 0) {
                    continue; // a review that changed nothing is not a commit
                }
                // the planner validated every stored changeset; the writer checks again on disk (no path out of the
                // repository, none into a .git directory, no symlink on the way) before it writes anything
                writer.apply(TaskEventMapper.toChangeset(done.getChangeset()));
                git.add().addFilepattern(".").call();
                git.add().setUpdate(true).addFilepattern(".").call();
                git.commit()
                        .setAllowEmpty(true)
                        .setAuthor(CommitMessages.author(done.getRole(), stored.recordedAt()))
                        .setCommitter(new PersonIdent(
                                "AIOS orchestrator", "orchestrator@aios.local", stored.recordedAt(), ZoneOffset.UTC))
                        .setMessage(CommitMessages.of(done, task.spec().getTitle()))
                        .setSign(false)
                        .call();
            }
        }
    }

    private static byte[] zip(Path dir, String projectName) throws IOException {
        String root = directoryName(projectName) + "/";
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(dir)) {
            List<Path> sorted =
                    new ArrayList<>(files.filter(Files::isRegularFile).toList());
            sorted.sort(Comparator.naturalOrder());
            for (Path f : sorted) {
                zip.putNextEntry(
                        new ZipEntry(root + dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * The archive's top directory for a project name: letters, digits, '.', '_' and '-' only, never starting with a dot
     * or a dash (so never "..", "." or a hidden directory), "project" when nothing is left. A naive extractor that
     * joins entry names to its target directory therefore stays inside it.
     */
    static String directoryName(String projectName) {
        String safe = projectName.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[.-]+", "");
        return safe.isEmpty() ? "project" : safe;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
