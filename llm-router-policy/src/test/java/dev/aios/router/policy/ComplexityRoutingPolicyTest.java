package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ComplexityRoutingPolicyTest {

    private final ComplexityRoutingPolicy policy =
            new ComplexityRoutingPolicy(TestModels.handBuilt(), ComplexityRoutingPolicy.Settings.defaults());

    @Nested
    class Scoring {
        @Test
        void sendsASimpleRequestToTheLocalModel() {
            // when
            RoutingDecision decision = policy.decide(Requests.prompt("list the files").hint("low").build());

            // then sigmoid(-2) = 0.119 is below the gpt threshold
            assertThat(decision.tier()).isEqualTo(Tier.LOCAL);
            assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(2)), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(decision.overridden()).isFalse();
            assertThat(decision.downgraded()).isFalse();
        }

        @Test
        void sendsAModeratelyHardRequestToGpt() {
            // sigmoid(log 2) = 2/3 lies between 0.6 and 0.85
            RoutingDecision decision = policy.decide(Requests.prompt("explain the cache").build());

            assertThat(decision.score()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(decision.tier()).isEqualTo(Tier.GPT);
        }

        @Test
        void sendsAHardRequestToClaude() {
            RoutingDecision decision = policy.decide(Requests.prompt("refactor").hint("HIGH").build());

            assertThat(decision.tier()).isEqualTo(Tier.CLAUDE);
        }
    }

    @Nested
    class Floors {
        @Test
        void raisesTheCtoToAtLeastGpt() {
            // given a request the score alone would send to the local model
            RoutingDecision decision = policy.decide(Requests.prompt("plan").hint("low").role("cto").build());

            // then the CTO's floor applies and the reason says so
            assertThat(decision.tier()).isEqualTo(Tier.GPT);
            assertThat(decision.reason()).contains("chose local").contains("raised to gpt by the floor for role 'cto'");
        }

        @Test
        void leavesOtherRolesAtTheirScore() {
            assertThat(policy.decide(Requests.prompt("plan").hint("low").role("qa").build()).tier()).isEqualTo(Tier.LOCAL);
        }

        @Test
        void configuredFloorsAreCaseInsensitive() {
            var strict = new ComplexityRoutingPolicy(TestModels.handBuilt(),
                    new ComplexityRoutingPolicy.Settings(Map.of("Backend", Tier.CLAUDE), 0));

            assertThat(strict.decide(Requests.prompt("x").role("BACKEND").hint("low").build()).tier()).isEqualTo(Tier.CLAUDE);
        }
    }

    @Nested
    class Budget {
        @Test
        void stepsDownOneTierWhenTheBudgetIsLow() {
            // when a Claude-worthy request arrives with 10,000 micro-USD left
            RoutingDecision decision = policy.decide(Requests.prompt("refactor").hint("high").budget(10_000).build());

            // then
            assertThat(decision.tier()).isEqualTo(Tier.GPT);
            assertThat(decision.downgraded()).isTrue();
            assertThat(decision.reason()).contains("downgraded from claude to gpt").contains("10000 micro-USD");
        }

        @Test
        void keepsTheTierWhenTheBudgetIsAmple() {
            RoutingDecision decision = policy.decide(Requests.prompt("refactor").hint("high").budget(5_000_000).build());

            assertThat(decision.tier()).isEqualTo(Tier.CLAUDE);
            assertThat(decision.downgraded()).isFalse();
        }

        @Test
        void neverDowngradesBelowTheRoleFloor() {
            RoutingDecision decision = policy.decide(Requests.prompt("plan").hint("low").role("cto").budget(1).build());

            assertThat(decision.tier()).isEqualTo(Tier.GPT);
            assertThat(decision.downgraded()).isFalse();
            assertThat(decision.reason()).contains("role floor keeps gpt");
        }
    }

    @Nested
    class Override {
        @Test
        void honoursAnExplicitOverrideAndFlagsIt() {
            // given a request the score sends to the local model, and a low budget
            RoutingDecision decision =
                    policy.decide(Requests.prompt("x").hint("low").override(Tier.CLAUDE).budget(1).build());

            // then the override wins over the score and the budget
            assertThat(decision.tier()).isEqualTo(Tier.CLAUDE);
            assertThat(decision.overridden()).isTrue();
            assertThat(decision.downgraded()).isFalse();
            assertThat(decision.reason()).startsWith("explicit override to claude honoured").contains("chose local");
        }
    }

    @Nested
    class Explanation {
        @Test
        void decisionCarriesEveryFeatureAndAReadableReason() {
            RoutingDecision decision = policy.decide(Requests.prompt("explain why").hint("high").build());

            assertThat(decision.features()).containsOnlyKeys(RequestFeatures.NAMES);
            assertThat(decision.features()).containsEntry("complexity_hint", 1.0);
            assertThat(decision.reason())
                    .contains("gpt from 0.600, claude from 0.850")
                    .contains("strongest signals: complexity_hint +2.00, reasoning_phrases +1.10");
        }

        @Test
        void explainListsScoreThresholdsAndContributions() {
            String text = policy.explain(Requests.prompt("explain").hint("high").build());

            assertThat(text)
                    .startsWith("tier=claude score=")
                    .contains("thresholds=[gpt 0.6, claude 0.85] model=test-v1")
                    .contains("complexity_hint    value=   1.0000 contribution=+2.0000 (prior)");
        }
    }

    @Nested
    class LexicalPart {
        // weights 3 on the bucket of "kernel" and -1 on "typo"; nothing else in the model fires for these prompts
        private final ComplexityRoutingPolicy lexical = new ComplexityRoutingPolicy(TestModels.withLexical(model()),
                ComplexityRoutingPolicy.Settings.defaults());

        private static LexicalModel model() {
            float[] weights = new float[1024];
            weights[HashedTerms.of("kernel", 1024, 2, 4096).bucket(0)] = 3;
            weights[HashedTerms.of("typo", 1024, 2, 4096).bucket(0)] = -1;
            return new LexicalModel(1024, 2, 4096, weights);
        }

        @Test
        void aTermWithAPositiveWeightRaisesTheScoreAndIsNamedInTheReason() {
            // when
            RoutingDecision decision = lexical.decide(Requests.prompt("Patch the Kernel scheduler").build());

            // then 4 words and 3 bigrams make 7 terms of value 1/sqrt(7) each, and only "kernel" carries weight
            double logit = 3 / Math.sqrt(7);
            assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(-logit)), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(decision.features().get(ComplexityRoutingPolicy.LEXICAL_LOGIT)).isCloseTo(logit, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(decision.reason()).contains("; prompt terms +1.134 (largest 'kernel' +1.134, '");
        }

        @Test
        void explainListsTheTermsByTheSizeOfTheirContribution() {
            // 4 words and 3 bigrams, each of value 1/sqrt(7): (3 - 1)/sqrt(7) in total, -1/sqrt(7) from "typo"
            String text = lexical.explain(Requests.prompt("typo in kernel docs").build());

            assertThat(text).contains("lexical            7 distinct terms contribution=+0.7559 (fitted, 1024 buckets, n<=2, first 4096 chars)");
            assertThat(text.indexOf("term 'kernel'")).isPositive().isLessThan(text.indexOf("term 'typo'"));
            assertThat(text).contains("term 'typo'                         count=1 contribution=-0.3780");
        }
    }

    @Test
    void theShippedModelLoadsAndDecides() {
        // given the default configuration with the model resource on the classpath
        ComplexityRoutingPolicy shipped = ComplexityRoutingPolicy.withDefaults();

        // when
        RoutingDecision decision = shipped.decide(Requests.prompt("Prove that the algorithm terminates").role("cto").build());

        // then
        assertThat(shipped.model().version()).isNotBlank();
        assertThat(decision.tier()).isIn(Tier.GPT, Tier.CLAUDE);
        assertThat(decision.score()).isBetween(0.0, 1.0);
    }

    @Test
    void rejectsNegativeLowBudgetMark() {
        assertThatThrownBy(() -> new ComplexityRoutingPolicy.Settings(Map.of(), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
