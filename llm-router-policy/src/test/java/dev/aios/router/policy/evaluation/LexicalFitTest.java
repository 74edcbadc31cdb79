package dev.aios.router.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.router.policy.ComplexityModel;
import dev.aios.router.policy.HashedTerms;
import dev.aios.router.policy.RoutingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LexicalFitTest {

    @Test
    void learnsTheTopicThatMakesTheWeakModelFail() {
        // given two datasets in which the weak model fails 80% of "quantum" questions and 10% of "cooking" ones,
        // while prompt length says nothing
        List<List<Outcome>> train = List.of(outcomes(400, 1), outcomes(200, 2));
        List<List<Outcome>> calibration = List.of(outcomes(100, 3), outcomes(100, 4));
        var candidate = new LexicalFit.Candidate("length only", 1024, 2, 1e-3, 0);

        // when
        ComplexityModel model = LexicalFit.fit("t", train, calibration, 0.5, 0.2, candidate, new LexicalFit.TermCache(4096));

        // then the topic word carries the weight, and the model ranks the topics apart on calibration
        float[] weights = model.lexical().orElseThrow().weights();
        assertThat(weights[HashedTerms.of("quantum", 1024, 2, 4096).bucket(0)]).isPositive();
        assertThat(weights[HashedTerms.of("cooking", 1024, 2, 4096).bucket(0)]).isNegative();
        assertThat(java.util.Arrays.stream(ComplexityFit.apgr(model, calibration)).min().orElseThrow()).isGreaterThan(0.6);
    }

    @Test
    void aSetBelowTheMinimumLendsNoTermsToTheFit() {
        // given the topic signal only in a 50-prompt set, and a minimum of 100 train prompts for terms
        List<List<Outcome>> train = List.of(noSignal(400), outcomes(50, 2));
        var candidate = new LexicalFit.Candidate("length only", 1024, 1, 1e-3, 100);

        ComplexityModel model = LexicalFit.fit("t", train, List.of(outcomes(100, 3)), 0.5, 0.2, candidate, new LexicalFit.TermCache(4096));

        // then the topic words never reached the fit: only the no-signal set's words can carry weight
        float[] weights = model.lexical().orElseThrow().weights();
        assertThat(weights[HashedTerms.of("quantum", 1024, 1, 4096).bucket(0)]).isZero();
        assertThat(model.provenance()).contains("terms from the train sets of 400 prompts");
    }

    private static List<Outcome> outcomes(int n, long seed) {
        Random random = new Random(seed);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean quantum = random.nextBoolean();
            String prompt = "Question " + i + " about " + (quantum ? "quantum physics" : "cooking pasta") + filler(random);
            boolean weakRight = random.nextDouble() >= (quantum ? 0.8 : 0.1);
            out.add(new Outcome("s" + seed + "/" + i, request(prompt), weakRight ? 1 : 0, 1));
        }
        return out;
    }

    private static List<Outcome> noSignal(int n) {
        Random random = new Random(9);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Outcome("n/" + i, request("Plain question " + i + filler(random)), random.nextBoolean() ? 1 : 0, 1));
        }
        return out;
    }

    private static String filler(Random random) {
        return " please".repeat(random.nextInt(5));
    }

    private static RoutingRequest request(String prompt) {
        return new RoutingRequest("", "", "", 0, prompt, 1, 0, 0, Optional.empty(), Optional.empty());
    }
}
