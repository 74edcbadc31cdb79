package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweBenchTest {

    @TempDir
    Path dir;

    @Test
    void joinsIssuesWithEveryModelsRunsAndDropsTheBrokenModel() throws Exception {
        // when
        List<SweTask> tasks = SweBench.load(SweFixture.write(dir, 30));

        // then
        assertThat(tasks).hasSize(30).isSortedAccordingTo((a, b) -> a.id().compareTo(b.id()));
        assertThat(tasks).allSatisfy(t -> assertThat(t.runs()).hasSize(5).doesNotContainKey(SweBench.BROKEN_MODEL));
        SweTask first = tasks.getFirst();
        assertThat(first.problem()).startsWith("Issue ").doesNotContain("diff --git");
        assertThat(first.request().prompt()).isEqualTo(first.problem());
        assertThat(first.request().role()).isEmpty();
        assertThat(first.difficulty())
                .isEqualTo(first.runs().values().stream()
                                .filter(r -> !r.resolved())
                                .count()
                        / 5.0);
    }

    @Test
    void anIssueWithoutRunsIsAnError() throws Exception {
        SweFixture.write(dir, 10);
        Path issues = dir.resolve(SweBench.ISSUES);
        Files.writeString(
                issues,
                Files.readString(issues)
                        + "{\"instance_id\": \"zz-1\", \"repo\": \"x/y\", \"problem_statement\": \"orphan\"}\n");

        assertThatThrownBy(() -> SweBench.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instance zz-1 has runs of 0 models");
    }

    @Test
    void aRunOfAnUnknownIssueIsAnError() throws Exception {
        SweFixture.write(dir, 10);
        Path outcomes = dir.resolve(SweBench.OUTCOMES);
        Files.writeString(outcomes, Files.readString(outcomes) + "nowhere-1,Model A,f,False,True,0.1,3\n");

        assertThatThrownBy(() -> SweBench.load(dir))
                .hasMessageContaining("names instance nowhere-1, which has no issue text");
    }
}
