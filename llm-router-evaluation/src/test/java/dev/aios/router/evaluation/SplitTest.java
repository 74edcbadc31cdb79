package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitTest {

    @TempDir
    Path dir;

    @Test
    void splitsFiftyTwentyThirtyWithoutOverlap() throws Exception {
        Dataset gsm8k = new Datasets(EvalFixture.write(dir, 101)).gsm8k();

        Split split = Split.of(gsm8k, 42);

        // 100 prompts after decontamination
        assertThat(split.train()).hasSize(50);
        assertThat(split.calibration()).hasSize(20);
        assertThat(split.test()).hasSize(30);
        List<Outcome> all = new ArrayList<>(split.train());
        all.addAll(split.calibration());
        all.addAll(split.test());
        assertThat(all).containsExactlyInAnyOrderElementsOf(gsm8k.outcomes());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() throws Exception {
        Dataset gsm8k = new Datasets(EvalFixture.write(dir, 101)).gsm8k();

        assertThat(Split.of(gsm8k, 42)).isEqualTo(Split.of(gsm8k, 42));
        assertThat(Split.of(gsm8k, 43).test()).isNotEqualTo(Split.of(gsm8k, 42).test());
    }
}
