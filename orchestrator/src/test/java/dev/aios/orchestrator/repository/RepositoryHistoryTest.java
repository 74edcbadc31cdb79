package dev.aios.orchestrator.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryHistoryTest {
    @TempDir
    Path dir;

    Git git;
    RevCommit first;
    RevCommit second;

    @BeforeEach
    void aRepositoryOfTwoTasks() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        Files.createDirectories(dir.resolve("shortener"));
        Files.writeString(dir.resolve("shortener/store.py"), "def shorten(url):\n    return 'a'\n");
        Files.writeString(dir.resolve("README.md"), "# url-shortener\n");
        first = commit("T1: Shortener store", Instant.parse("2026-12-02T10:00:00Z"));
        Files.writeString(dir.resolve("shortener/store.py"), "def shorten(url):\n    return 'abc'\n");
        Files.delete(dir.resolve("README.md"));
        Files.writeString(dir.resolve("test_store.py"), "import unittest\n");
        second = commit("T2: Tests", Instant.parse("2026-12-02T10:05:00Z"));
    }

    private RevCommit commit(String subject, Instant when) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().setUpdate(true).addFilepattern(".").call();
        return git.commit()
                .setMessage(subject + "\n\nbody\n")
                .setSign(false)
                .setAuthor(new PersonIdent("AIOS Backend Agent", "backend@agents.aios.dev", when, ZoneOffset.UTC))
                .setCommitter(new PersonIdent("AIOS orchestrator", "orchestrator@aios.local", when, ZoneOffset.UTC))
                .call();
    }

    @Test
    void listsTheCommitsOldestFirstWithTheFilesEachChanged() throws Exception {
        // when
        var commits = RepositoryHistory.commits(git);
        // then
        assertThat(commits)
                .extracting(RepositoryHistory.CommitSummary::sha)
                .containsExactly(first.name(), second.name());
        assertThat(commits.getFirst().subject()).isEqualTo("T1: Shortener store");
        assertThat(commits.getFirst().author()).isEqualTo("AIOS Backend Agent");
        assertThat(commits.getFirst().authoredAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(commits.getFirst().files())
                .containsExactlyInAnyOrder(
                        new RepositoryHistory.FileChange("README.md", "ADD"),
                        new RepositoryHistory.FileChange("shortener/store.py", "ADD"));
        assertThat(commits.getLast().files())
                .containsExactlyInAnyOrder(
                        new RepositoryHistory.FileChange("README.md", "DELETE"),
                        new RepositoryHistory.FileChange("shortener/store.py", "MODIFY"),
                        new RepositoryHistory.FileChange("test_store.py", "ADD"));
    }

    @Test
    void aCommitHasItsMessageTheUnifiedDiffOfEachFileAgainstItsParentAndItsTree() throws Exception {
        // when
        var detail = RepositoryHistory.commit(git, second.name()).orElseThrow();
        // then
        assertThat(detail.message()).isEqualTo("T2: Tests\n\nbody\n");
        assertThat(detail.tree()).containsExactly("shortener/store.py", "test_store.py");
        var store = detail.files().stream()
                .filter(f -> f.path().equals("shortener/store.py"))
                .findFirst()
                .orElseThrow();
        assertThat(store.change()).isEqualTo("MODIFY");
        assertThat(store.diff())
                .contains(
                        "--- a/shortener/store.py",
                        "+++ b/shortener/store.py",
                        "@@ -1,2 +1,2 @@",
                        "-    return 'a'",
                        "+    return 'abc'");
        assertThat(store.truncated()).isFalse();
        var readme = detail.files().stream()
                .filter(f -> f.path().equals("README.md"))
                .findFirst()
                .orElseThrow();
        assertThat(readme.diff()).contains("deleted file mode", "-# url-shortener");
    }

    @Test
    void theFirstCommitIsDiffedAgainstNothing() throws Exception {
        // when
        var detail = RepositoryHistory.commit(git, first.name()).orElseThrow();
        // then
        assertThat(detail.files()).allSatisfy(f -> assertThat(f.diff()).contains("new file mode", "--- /dev/null"));
    }

    @Test
    void anUnknownCommitOrTheIdOfAFileIsNone() throws Exception {
        // given
        String blob =
                git.getRepository().resolve(second.name() + ":test_store.py").name();
        // then
        assertThat(RepositoryHistory.commit(git, "0".repeat(40))).isEmpty();
        assertThat(RepositoryHistory.commit(git, blob)).isEmpty();
    }

    @Test
    void anEmptyRepositoryHasNoCommits() throws Exception {
        // given
        try (Git empty = Git.init().setDirectory(dir.resolve("empty").toFile()).call()) {
            // then
            assertThat(RepositoryHistory.commits(empty)).isEmpty();
        }
    }
}
