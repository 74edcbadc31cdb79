package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweSplitTest {

    @TempDir
    Path dir;

    @Test
    void theRandomSplitIsFiftyTwentyThirtyWithoutOverlapAndTheSameEveryTime() throws Exception {
        List<SweTask> tasks = SweBench.load(SweFixture.write(dir, 100));

        SweSplit split = SweSplit.random(tasks, 42);

        assertThat(split.train()).hasSize(50);
        assertThat(split.calibration()).hasSize(20);
        assertThat(split.test()).hasSize(30);
        List<SweTask> all = new ArrayList<>(split.train());
        all.addAll(split.calibration());
        all.addAll(split.test());
        assertThat(all).containsExactlyInAnyOrderElementsOf(tasks);
        assertThat(SweSplit.random(tasks, 42)).isEqualTo(split);
        assertThat(SweSplit.random(tasks, 7).test()).isNotEqualTo(split.test());
    }

    @Test
    void theRepositorySplitKeepsEveryRepositoryInOnePartAndDjangoInTrain() throws Exception {
        List<SweTask> tasks = SweBench.load(SweFixture.write(dir, 100));

        SweSplit split = SweSplit.byRepository(tasks, 42);

        Set<String> train = repos(split.train()), calibration = repos(split.calibration()), test = repos(split.test());
        assertThat(train)
                .contains("django/django")
                .doesNotContainAnyElementsOf(test)
                .doesNotContainAnyElementsOf(calibration);
        assertThat(calibration).doesNotContainAnyElementsOf(test);
        assertThat(split.test().size()).isGreaterThanOrEqualTo(30);
        assertThat(split.train().size()
                        + split.calibration().size()
                        + split.test().size())
                .isEqualTo(100);
    }

    @Test
    void frozenSplitsMustMatchTheCommittedIds() throws Exception {
        // given splits written for 60 issues
        List<SweTask> tasks = SweBench.load(SweFixture.write(dir, 60));
        Path file = dir.resolve("splits.properties");
        Files.writeString(
                file, SweSplit.write(List.of(SweSplit.random(tasks, 42), SweSplit.byRepository(tasks, 42)), 42));

        // then the same data reproduces them, and another seed does not
        assertThat(SweSplit.frozen(tasks, 42, file)).hasSize(2);
        assertThatThrownBy(() -> SweSplit.frozen(tasks, 43, file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("differ from the committed ones");
    }

    @Test
    void theCommittedSplitsCoverTheFiveHundredIssuesOnce() throws Exception {
        var p = new Properties();
        try (var in = SweSplit.class.getResourceAsStream(SweSplit.RESOURCE)) {
            p.load(in);
        }
        for (String split : List.of("random", "repository")) {
            List<String> ids = new ArrayList<>();
            for (String part : List.of("train", "calibration", "test")) {
                ids.addAll(List.of(p.getProperty(split + "." + part).split(",")));
            }
            assertThat(ids).as(split).hasSize(500).doesNotHaveDuplicates();
        }
        assertThat(p.getProperty("repository.train")).doesNotContain("sympy");
    }

    private static Set<String> repos(List<SweTask> tasks) {
        return tasks.stream().map(SweTask::repo).collect(Collectors.toSet());
    }
}
