package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComplexityModelTest {

    @Test
    void scoreIsTheLogisticOfTheStandardisedLinearTerm() {
        // given intercept 0.5 and weight 2 on prompt_tokens standardised with mean 1, scale 2
        int n = RequestFeatures.SIZE;
        double[] means = new double[n], scales = new double[n], weights = new double[n];
        java.util.Arrays.fill(scales, 1);
        means[0] = 1;
        scales[0] = 2;
        weights[0] = 2;
        var model = new ComplexityModel("v", "", 0.5, means, scales, weights, new boolean[n], new Thresholds(0.5, 0.5));
        double[] x = new double[n];
        x[0] = 3;

        // then z = 0.5 + 2·(3-1)/2 = 2.5
        assertThat(model.score(x)).isEqualTo(1 / (1 + Math.exp(-2.5)));
    }

    @Test
    void writesAndReadsBackTheSameModel() throws Exception {
        ComplexityModel model = TestModels.handBuilt();
        StringWriter out = new StringWriter();

        model.write(out);
        ComplexityModel read = ComplexityModel.read(new StringReader(out.toString()));

        assertThat(read).isEqualTo(model);
        assertThat(out.toString()).contains("feature.complexity_hint.weight=2.0");
    }

    @Test
    void rejectsAResourceThatLacksAFeature() {
        assertThatThrownBy(() -> ComplexityModel.read(new StringReader("version=x\nintercept=0\nthreshold.gpt=0.1\nthreshold.claude=0.2\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks 'feature.prompt_tokens.mean'");
    }

    @Test
    void addsTheLexicalTermsToTheLogit() {
        // given lexical weights 2 on the bucket of "alpha" and -1 on the bucket of "list" (no hand-built feature fires)
        int buckets = 1024;
        float[] weights = new float[buckets];
        weights[HashedTerms.of("alpha", buckets, 1, 100).bucket(0)] = 2;
        weights[HashedTerms.of("list", buckets, 1, 100).bucket(0)] = -1;
        ComplexityModel model = TestModels.withLexical(new LexicalModel(buckets, 1, 100, weights));

        // when "alpha list" is scored: each term has value 1/sqrt(2)
        double score = model.score(Requests.prompt("alpha list").build());

        // then z = (2 - 1)/sqrt(2), on top of the hand-built model's zero feature logit
        assertThat(score).isCloseTo(1 / (1 + Math.exp(-1 / Math.sqrt(2))), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Nested
    class Loading {
        @Test
        void writesAndReadsBackALexicalModel() throws Exception {
            float[] weights = new float[256];
            for (int b = 0; b < weights.length; b++) {
                weights[b] = (b % 7 - 3) / 10f;
            }
            ComplexityModel model = TestModels.withLexical(new LexicalModel(256, 2, 4096, weights));
            StringWriter out = new StringWriter();

            model.write(out);
            ComplexityModel read = ComplexityModel.read(new StringReader(out.toString()));

            assertThat(read).isEqualTo(model);
            assertThat(read.lexical()).isPresent();
            assertThat(out.toString()).contains("lexical=hashed-ngrams").contains("lexical.buckets=256").contains("lexical.max_n=2");
        }

        @Test
        void refusesLexicalWeightsThatFailTheirChecksum() throws Exception {
            // given a valid resource in which one Base64 character of the weights is changed
            String text = written(new float[] {0.5f, -0.25f, 0, 1});
            String weights = text.lines().filter(l -> l.startsWith("lexical.weights=")).findFirst().orElseThrow();
            char c = weights.charAt(20);
            String damaged = text.replace(weights, weights.substring(0, 20) + (c == 'A' ? 'B' : 'A') + weights.substring(21));

            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(damaged)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fail their checksum");
        }

        @Test
        void refusesWeightsOfTheWrongLengthOrEncoding() throws Exception {
            String text = written(new float[] {0.5f, -0.25f, 0, 1});

            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text.replace("lexical.buckets=4", "lexical.buckets=8"))))
                    .hasMessageContaining("8 buckets need 32");
            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text.replaceAll("lexical.weights=.*", "lexical.weights=%%%"))))
                    .hasMessageContaining("not valid Base64");
            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text.replace("lexical=hashed-ngrams", "lexical=magic"))))
                    .hasMessageContaining("must be none or hashed-ngrams");
            assertThatThrownBy(() -> ComplexityModel.read(new StringReader(text.replace("lexical=hashed-ngrams\n", ""))))
                    .hasMessageContaining("lacks 'lexical'");
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
                    .hasMessageContaining("fail their checksum");
        }

        @Test
        void theShippedModelLoads() {
            ComplexityModel shipped = ComplexityModel.loadDefault();

            assertThat(shipped.version()).startsWith("complexity-");
            assertThat(shipped.score(Requests.prompt("Why is the sky blue?").build())).isBetween(0.0, 1.0);
        }

        private static String written(float[] weights) throws Exception {
            StringWriter out = new StringWriter();
            TestModels.withLexical(new LexicalModel(weights.length, 1, 100, weights)).write(out);
            return out.toString();
        }
    }
}
