package dev.aios.orchestrator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.aios.events.v1.Changeset;
import dev.aios.events.v1.FileDelete;
import dev.aios.events.v1.FileWrite;
import dev.aios.events.v1.TaskCompleted;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentContextTest {

    static TaskCompleted done(String task, List<String> writes, List<String> deletes) {
        Changeset.Builder changeset = Changeset.newBuilder();
        writes.forEach(p -> changeset.addWrites(
                FileWrite.newBuilder().setPath(p).setContent(ByteString.copyFromUtf8(task + ":" + p))));
        deletes.forEach(p -> changeset.addDeletes(FileDelete.newBuilder().setPath(p)));
        return TaskCompleted.newBuilder()
                .setTaskId(task)
                .setChangeset(changeset)
                .build();
    }

    @Test
    void aTaskSeesWhatItsDependenciesWroteAsTheyWroteItAndNothingOfUnrelatedTasks() {
        // given: B (nearest) and A are dependencies, C is not; C finished between them and rewrote a file A wrote
        List<Message> history = List.of(
                done("A", List.of("store.py", "README.md"), List.of()),
                done("C", List.of("store.py", "page.html"), List.of()),
                done("B", List.of("server.py"), List.of("README.md")));

        // when
        var files = AssignmentContext.writtenBy(List.of("B", "A"), history);

        // then: A's version of store.py, B's file, README.md deleted by B, nothing of C
        assertThat(files.keySet()).containsExactly("store.py", "server.py");
        assertThat(files.get("store.py").toStringUtf8()).isEqualTo("A:store.py");
    }

    @Test
    void whatATaskSeesDoesNotDependOnTheOrderItsDependenciesFinishedIn() {
        // given two runs of the same backlog whose parallel dependencies B and C finished in opposite orders
        Message a = done("A", List.of("lib.py"), List.of());
        Message b = done("B", List.of("api.py", "README.md"), List.of());
        Message c = done("C", List.of("page.html", "README.md"), List.of());

        // when
        var first = AssignmentContext.writtenBy(List.of("B", "C", "A"), List.of(a, b, c));
        var second = AssignmentContext.writtenBy(List.of("B", "C", "A"), List.of(a, c, b));

        // then the same files, in the same order, the nearer dependency's README winning
        assertThat(first).isEqualTo(second);
        assertThat(List.copyOf(first.keySet()))
                .isEqualTo(List.copyOf(second.keySet()))
                .containsExactly("lib.py", "page.html", "README.md", "api.py");
        assertThat(first.get("README.md").toStringUtf8()).isEqualTo("B:README.md");
    }

    @Test
    void aTaskWithoutDependenciesSeesNoDependencyFiles() {
        assertThat(AssignmentContext.writtenBy(List.of(), List.of(done("A", List.of("a.py"), List.of()))))
                .isEmpty();
    }
}
