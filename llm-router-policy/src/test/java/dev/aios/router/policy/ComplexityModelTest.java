package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComplexityModelTest {

    @Test
    void scoreIsTheLogisticOfTheStandardisedLinearTerm() {
        // given intercept 0.5 and weight 2 on task_tokens standardised with mean 1, scale 2
        int n = TaskFeatures.SIZE;
        double[] means = new double[n], scales = new double[n], weights = new double[n];
        Arrays.fill(scales, 1);
        means[0] = 1;
        scales[0] = 2;
        weights[0] = 2;
        var model =
                new ComplexityModel("v", "", "", 0.5, means, scales, weights, new boolean[n], new Thresholds(0.5, 0.5));
        double[] x = new double[n];
        x[0] = 3;

        // then z = 0.5 + 2·(3-1)/2 = 2.5, and the contribution of the feature is 2
        assertThat(model.score(x)).isEqualTo(1 / (1 + Math.exp(-2.5)));
        assertThat(model.contribution(0, 3)).isEqualTo(2);
    }

    @Test
    void namesEachWeightsSource() {
        boolean[] fitted = new boolean[TaskFeatures.SIZE];
        fitted[0] = true;
        ComplexityModel hand = TestModels.handBuilt();
        var model = new ComplexityModel(
                "v", "", "", 0, hand.means(), hand.scales(), hand.weights(), fitted, hand.thresholds());

        assertThat(model.source(0)).isEqualTo("fitted");
        assertThat(model.source(TaskFeatures.NAMES.indexOf("complexity_hint"))).isEqualTo("prior");
        assertThat(model.source(TaskFeatures.NAMES.indexOf("links"))).isEqualTo("unused");
    }

    @Nested
    class Resource {
        @Test
        void writesAndReadsBackTheSameModelAfterItsHeader() throws Exception {
            ComplexityModel model = TestModels.handBuilt();
            StringWriter out = new StringWriter();

            model.write(out, List.of("Fitted on data licensed CC BY-NC 4.0."));
            ComplexityModel read = ComplexityModel.read(new StringReader(out.toString()));

            assertThat(read).isEqualTo(model);
            assertThat(read.license()).isEqualTo("test licence");
            assertThat(out.toString())
                    .startsWith("# Fitted on data licensed CC BY-NC 4.0.\n")
                    .contains("feature.complexity_hint.weight=2.0")
                    .contains("feature.links.source=unused");
        }

        @Test
        void rejectsAResourceThatLacksAFeature() {
            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(
                            "version=x\nlicense=y\nintercept=0\nthreshold.gpt=0.1\nthreshold.claude=0.2\n")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lacks 'feature.task_tokens.mean'");
        }

        @Test
        void rejectsAnUnknownFeatureAndAWrongSource() throws Exception {
            String text = written();

            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text + "feature.prompt_tokens.weight=1\n")))
                    .hasMessageContaining("unknown feature in 'feature.prompt_tokens.weight'");
            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text.replace(
                            "feature.complexity_hint.source=prior", "feature.complexity_hint.source=guessed"))))
                    .hasMessageContaining("must be fitted, prior or unused");
            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text.replace(
                            "feature.complexity_hint.source=prior", "feature.complexity_hint.source=unused"))))
                    .hasMessageContaining("says unused but its weight is 2.0");
            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text.replace("license=test licence\n", ""))))
                    .hasMessageContaining("lacks 'license'");
        }

        @Test
        void rejectsAScaleThatIsNotPositive() throws Exception {
            assertThatThrownBy(() -> ComplexityModel.read(
                            new StringReader(written().replace("feature.links.scale=1.0", "feature.links.scale=0.0"))))
                    .hasMessageContaining("feature links needs a finite mean and weight and a positive scale");
        }

        @Test
        void aMissingResourceIsAStartupErrorNamingIt() {
            assertThatThrownBy(() -> ComplexityModel.load("/dev/aios/router/policy/no-such-model.properties"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no-such-model.properties is missing from the classpath");
        }

        @Test
        void aCorruptResourceIsAStartupErrorNamingIt() {
            assertThatThrownBy(() -> ComplexityModel.load("/dev/aios/router/policy/corrupt-model.properties"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("corrupt-model.properties is corrupt")
                    .hasMessageContaining("'threshold.claude' is not a number");
        }

        private static String written() throws Exception {
            StringWriter out = new StringWriter();
            TestModels.handBuilt().write(out, List.of());
            return out.toString();
        }
    }

    @Nested
    class ShippedModel {
        private final ComplexityModel shipped = ComplexityModel.loadDefault();

        @Test
        void loadsAndScores() {
            assertThat(shipped.version()).startsWith("complexity-");
            assertThat(shipped.score(Requests.prompt("Why is the sky blue?").build()))
                    .isBetween(0.0, 1.0);
        }

        @Test
        void saysItWasFittedOnNonCommercialDataWithAttribution() throws Exception {
            String resource;
            try (var in = ComplexityModel.class.getResourceAsStream(ComplexityModel.RESOURCE)) {
                resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(shipped.license()).contains("CC BY-NC 4.0");
            assertThat(resource.lines().takeWhile(l -> l.startsWith("#")).toList())
                    .anyMatch(l -> l.contains("CC BY-NC 4.0"))
                    .anyMatch(l -> l.contains("SWE-bench"));
        }
    }
}
