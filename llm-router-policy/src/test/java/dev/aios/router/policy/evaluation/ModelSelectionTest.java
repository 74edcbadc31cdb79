package dev.aios.router.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelSelectionTest {

    private static final double[] LENGTH = {0.600, 0.588, 0.582};
    private static final int[] SIZES = {261, 2807, 14};

    @Test
    void aCandidateBelowLengthOnALargeSplitIsNotEligibleWhateverItsMean() {
        // the plain-mean winner of the real run: better mean, thanks to 14 MT-Bench prompts, but worse on MMLU
        assertThat(ModelSelection.noWorseThanLength(new double[] {0.600, 0.559, 0.750}, LENGTH, SIZES)).isFalse();
    }

    @Test
    void aSmallSplitCannotDisqualifyACandidate() {
        assertThat(ModelSelection.noWorseThanLength(new double[] {0.611, 0.603, 0.500}, LENGTH, SIZES)).isTrue();
    }

    @Test
    void lengthItselfIsEligible() {
        assertThat(ModelSelection.noWorseThanLength(LENGTH.clone(), LENGTH, SIZES)).isTrue();
    }
}
