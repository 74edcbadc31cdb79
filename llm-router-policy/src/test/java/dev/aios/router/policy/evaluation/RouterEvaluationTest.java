package dev.aios.router.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.policy.ComplexityModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void fitsWritesTheModelAndPrintsATablePerDataset() throws Exception {
        // given a miniature data set and a place for the model
        Path data = EvalFixture.write(dir.resolve("data"), 120);
        Path model = dir.resolve("model.properties");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // when
        RouterEvaluation.run(EvaluationOptions.parse(new String[] {
            "--data", data.toString(), "--fit", "--model-out", model.toString(), "--resamples", "50", "--version", "test-fit"
        }), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // then the written model is the one evaluated, and every dataset has every row
        String out = bytes.toString(StandardCharsets.UTF_8);
        ComplexityModel written = ComplexityModel.read(Files.newBufferedReader(model));
        assertThat(written.version()).isEqualTo("test-fit");
        assertThat(out).contains("model test-fit").contains("contaminated removed 1");
        // the selection table lists the lexical candidates next to the hand-made ones and names its choice
        assertThat(out).contains("n-grams (all sets) + length only, 4096, n<=1").contains("n-grams (sets >= 500) + all text signals")
                .contains("length only                  ").contains("selected: ");
        for (String name : new String[] {"GSM8K", "MMLU", "MT-Bench", "LiveCodeBench"}) {
            assertThat(out).contains("== " + name + ":");
        }
        for (String row : new String[] {"complexity (shipped model)", "random (same strong-call rate)",
                "prompt length (longer -> strong)", "always strong", "always weak", "oracle"}) {
            assertThat(out.split(java.util.regex.Pattern.quote(row), -1)).as(row).hasSize(5);
        }
        // the fixture makes long prompts the hard ones: the fit must find that
        assertThat(written.weights()[0]).isPositive();
    }

    @Test
    void rejectsUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--resamples", "many"}))
                .hasMessageContaining("--resamples needs a number");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--strong-share", "0.1", "--claude-share", "0.3"}))
                .hasMessageContaining("claude-share <= strong-share");
    }

    @Test
    void recognisesAMissingDataDirectory() {
        assertThat(RouterEvaluation.hasData(dir.resolve("nowhere"))).isFalse();
    }
}
