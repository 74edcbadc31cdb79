package dev.aios.router.policy;

import java.util.Arrays;

/** A hand-built model whose scores can be computed on paper. */
final class TestModels {
    private TestModels() {}

    /** score = sigmoid(2·hint + 1·design_scope); gpt from 0.6, claude from 0.85. */
    static ComplexityModel handBuilt() {
        int n = TaskFeatures.SIZE;
        double[] means = new double[n];
        double[] scales = new double[n];
        double[] weights = new double[n];
        Arrays.fill(scales, 1);
        weights[TaskFeatures.NAMES.indexOf("complexity_hint")] = 2;
        weights[TaskFeatures.NAMES.indexOf("design_scope")] = 1;
        return new ComplexityModel(
                "test-v1",
                "hand-built for tests",
                "test licence",
                0,
                means,
                scales,
                weights,
                new boolean[n],
                new Thresholds(0.6, 0.85));
    }
}
