package dev.aios.router.policy;

/** A hand-built model whose scores can be computed on paper. */
final class TestModels {
    private TestModels() {}

    /** score = sigmoid(2·hint + 1·reasoning_phrases); gpt from 0.6, claude from 0.85. */
    static ComplexityModel handBuilt() {
        int n = RequestFeatures.SIZE;
        double[] means = new double[n];
        double[] scales = new double[n];
        double[] weights = new double[n];
        java.util.Arrays.fill(scales, 1);
        weights[RequestFeatures.NAMES.indexOf("complexity_hint")] = 2;
        weights[RequestFeatures.NAMES.indexOf("reasoning_phrases")] = 1;
        return new ComplexityModel("test-v1", "hand-built for tests", 0, means, scales, weights, new boolean[n],
                new Thresholds(0.6, 0.85));
    }

    /** The hand-built model with a lexical part added. */
    static ComplexityModel withLexical(LexicalModel lexical) {
        ComplexityModel m = handBuilt();
        return new ComplexityModel(m.version(), m.provenance(), m.intercept(), m.means(), m.scales(), m.weights(), m.fitted(),
                m.thresholds(), java.util.Optional.of(lexical));
    }
}
