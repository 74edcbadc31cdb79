package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
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
}
