package dev.aios.router.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.policy.ComplexityModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterEvaluationTest {

    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RouterEvaluation.run(EvaluationOptions.parse(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fitsOnSweBenchWritesTheModelWithItsLicenceAndPrintsEveryTable() throws Exception {
        // given a miniature data set, its frozen splits and a place for the model
        Path data = EvalFixture.write(dir.resolve("data"), 120);
        SweFixture.write(data, 150);
        Path splits = dir.resolve("splits.properties");
        Path model = dir.resolve("model.properties");
        run("--data", data.toString(), "--write-splits", splits.toString());

        // when
        String out = run(
                "--data",
                data.toString(),
                "--splits",
                splits.toString(),
                "--fit",
                "--model-out",
                model.toString(),
                "--resamples",
                "30",
                "--version",
                "test-fit",
                "--skip-embeddings");

        // then the written model is the one evaluated, says what it was fitted on, and found the length signal
        ComplexityModel written = ComplexityModel.read(Files.newBufferedReader(model));
        assertThat(written.version()).isEqualTo("test-fit");
        assertThat(written.license()).contains("CC BY-NC 4.0");
        assertThat(Files.readString(model)).startsWith("# Fitted on per-instance outcomes of the SWE-bench Verified");
        assertThat(written.weights()[0]).isPositive();
        assertThat(written.thresholds().gpt()).isEqualTo(0.30);
        assertThat(out).contains("selected: ").contains("shipped model test-fit");
        // both splits' tables, with every baseline, the operating points and the cost to reach claude's rate
        for (String split : new String[] {"random", "repository"}) {
            assertThat(out).contains("== SWE-bench Verified, " + split + " split");
        }
        for (String row : new String[] {
            "always local",
            "always gpt",
            "always claude",
            "oracle (cheapest tier that resolves)",
            "router @ claude 50% of calibration",
            "router @ shipped",
            "  random, same shares",
            "  prompt length, same shares",
            "cost ($ hosted) to reach 95% of always-claude's resolved rate"
        }) {
            assertThat(out.split(Pattern.quote(row), -1)).as(row).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(out)
                .contains("== Easy-task check: HumanEval+ and MBPP+")
                .contains("HumanEval+  |     6 |")
                .contains("MBPP+       |     6 |");
        for (String name : new String[] {"GSM8K", "MMLU", "MT-Bench", "LiveCodeBench"}) {
            assertThat(out).contains("== " + name + ":");
        }
    }

    @Test
    void rejectsUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--resamples", "many"}))
                .hasMessageContaining("--resamples needs a number");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--ship-gpt-from", "1.5"}))
                .hasMessageContaining("--ship-gpt-from needs a score in [0, 1)");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"--usd-per-gpu-hour", "-1"}))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> EvaluationOptions.parse(new String[] {"stray"}))
                .hasMessageContaining("unexpected argument 'stray'");
    }

    @Test
    void recognisesAMissingDataDirectory() {
        assertThat(RouterEvaluation.hasData(dir.resolve("nowhere"))).isFalse();
    }
}
