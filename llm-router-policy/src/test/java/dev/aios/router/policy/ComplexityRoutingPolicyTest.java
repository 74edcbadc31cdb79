package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
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
            RoutingDecision decision =
                    policy.decide(Requests.prompt("list the files").hint("low").build());

            // then sigmoid(-2) = 0.119 is below the gpt threshold
            assertThat(decision.tier()).isEqualTo(Tier.LOCAL);
            assertThat(decision.score()).isCloseTo(1 / (1 + Math.exp(2)), Offset.offset(1e-12));
            assertThat(decision.overridden()).isFalse();
            assertThat(decision.downgraded()).isFalse();
        }

        @Test
        void sendsAModeratelyHardRequestToGpt() {
            // one design cue: sigmoid(log 2) = 2/3 lies between 0.6 and 0.85
            RoutingDecision decision = policy.decide(
                    Requests.prompt("Explain the architecture of the cache").build());

            assertThat(decision.score()).isCloseTo(2.0 / 3, Offset.offset(1e-12));
            assertThat(decision.tier()).isEqualTo(Tier.GPT);
        }

        @Test
        void sendsAHardRequestToClaude() {
            RoutingDecision decision =
                    policy.decide(Requests.prompt("refactor").hint("HIGH").build());

            assertThat(decision.tier()).isEqualTo(Tier.CLAUDE);
        }
    }

    @Nested
    class Floors {
        @Test
        void raisesTheCtoToAtLeastGpt() {
            // given a request the score alone would send to the local model
            RoutingDecision decision = policy.decide(
                    Requests.prompt("plan").hint("low").role("cto").build());

            // then the CTO's floor applies and the reason says so
            assertThat(decision.tier()).isEqualTo(Tier.GPT);
            assertThat(decision.reason()).contains("chose local").contains("raised to gpt by the floor for role 'cto'");
        }

        @Test
        void leavesOtherRolesAtTheirScore() {
            assertThat(policy.decide(Requests.prompt("plan")
                                    .hint("low")
                                    .role("qa")
                                    .build())
                            .tier())
                    .isEqualTo(Tier.LOCAL);
        }

        @Test
        void configuredFloorsAreCaseInsensitive() {
            var strict = new ComplexityRoutingPolicy(
                    TestModels.handBuilt(), new ComplexityRoutingPolicy.Settings(Map.of("Backend", Tier.CLAUDE), 0));

            assertThat(strict.decide(Requests.prompt("x")
                                    .role("BACKEND")
                                    .hint("low")
                                    .build())
                            .tier())
                    .isEqualTo(Tier.CLAUDE);
        }
    }

    @Nested
    class Budget {
        @Test
        void stepsDownOneTierWhenTheBudgetIsLow() {
            // when a Claude-worthy request arrives with 10,000 micro-USD left
            RoutingDecision decision = policy.decide(
                    Requests.prompt("refactor").hint("high").budget(10_000).build());

            // then
            assertThat(decision.tier()).isEqualTo(Tier.GPT);
            assertThat(decision.downgraded()).isTrue();
            assertThat(decision.reason())
                    .contains("downgraded from claude to gpt")
                    .contains("10000 micro-USD");
        }

        @Test
        void keepsTheTierWhenTheBudgetIsAmple() {
            RoutingDecision decision = policy.decide(
                    Requests.prompt("refactor").hint("high").budget(5_000_000).build());

            assertThat(decision.tier()).isEqualTo(Tier.CLAUDE);
            assertThat(decision.downgraded()).isFalse();
        }

        @Test
        void neverDowngradesBelowTheRoleFloor() {
            RoutingDecision decision = policy.decide(
                    Requests.prompt("plan").hint("low").role("cto").budget(1).build());

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
            RoutingDecision decision = policy.decide(Requests.prompt("x")
                    .hint("low")
                    .override(Tier.CLAUDE)
                    .budget(1)
                    .build());

            // then the override wins over the score and the budget
            assertThat(decision.tier()).isEqualTo(Tier.CLAUDE);
            assertThat(decision.overridden()).isTrue();
            assertThat(decision.downgraded()).isFalse();
            assertThat(decision.reason())
                    .startsWith("explicit override to claude honoured")
                    .contains("chose local");
        }
    }

    @Nested
    class Explaining {
        @Test
        void decisionCarriesEveryFeatureAndNamesTheSignalsThatMovedIt() {
            RoutingDecision decision = policy.decide(
                    Requests.prompt("Design the architecture").hint("high").build());

            // "design the" and "architecture" are two design cues: log(3) = 1.10
            assertThat(decision.features()).containsOnlyKeys(TaskFeatures.NAMES);
            assertThat(decision.features()).containsEntry("complexity_hint", 1.0);
            assertThat(decision.reason())
                    .contains("gpt from 0.600, claude from 0.850")
                    .contains("signals: complexity hint 'high' +2.00, design scope: 'design', 'architecture' +1.10");
        }

        @Test
        void explainListsEverySignalLargestFirstWithItsSourceAndTheRulesApplied() {
            Explanation explanation = policy.explain(Requests.prompt("Design the architecture")
                    .hint("low")
                    .role("cto")
                    .build());

            assertThat(explanation.signals())
                    .extracting(Explanation.Signal::name)
                    .containsExactly("complexity_hint", "design_scope");
            assertThat(explanation.signals().getFirst().contribution()).isEqualTo(-2.0);
            assertThat(explanation.signals().getFirst().source()).isEqualTo("prior");
            assertThat(explanation.scored()).isEqualTo(Tier.LOCAL);
            assertThat(explanation.decision().tier()).isEqualTo(Tier.GPT);
            assertThat(explanation.rules()).containsExactly("raised to gpt by the floor for role 'cto'");
            assertThat(explanation.model()).isEqualTo("test-v1");
        }

        @Test
        void anAverageLookingPromptHasNoSignals() {
            assertThat(policy.explain(Requests.prompt("Add a field").build()).signals())
                    .isEmpty();
        }
    }

    /** What the issue asks of the shipped model: the content of a software task moves its tier, and says why. */
    @Nested
    class ShippedModel {
        private final ComplexityRoutingPolicy shipped = ComplexityRoutingPolicy.withDefaults();

        private static final String RENAME =
                "Rename the method getUser to findUser in UserService and update its callers.";
        private static final String ARCHITECTURE =
                "Design the architecture for a multi-tenant invoicing platform: decide between a"
                        + " shared schema and a schema per tenant, compare event sourcing with CRUD for invoices, and describe the services,"
                        + " their events and the trade-offs for scalability.";
        private static final String DEBUGGING =
                "Orders are sometimes charged twice in production. It happens intermittently under"
                        + " load and we cannot reproduce it locally. Find the root cause (we suspect a race condition between the payment"
                        + " webhook and the retry job) and fix it.";

        @Test
        void withinOneRoleAndKindARenameAndADesignOrHardDebuggingTaskLandOnDifferentTiers() {
            for (String[] header : new String[][] {{"backend", "code"}, {"frontend", "code"}, {"", ""}}) {
                // when the same role and kind carry a one-line rename, a system design and a hard debugging task
                Tier rename = tier(Requests.prompt(RENAME).role(header[0]).kind(header[1]));
                Tier design = tier(Requests.prompt(ARCHITECTURE).role(header[0]).kind(header[1]));
                Tier debugging = tier(Requests.prompt(DEBUGGING).role(header[0]).kind(header[1]));

                // then the content decides: the rename goes lower than both
                assertThat(rename).as("rename as %s/%s", header[0], header[1]).isEqualTo(Tier.LOCAL);
                assertThat(design).as("design as %s/%s", header[0], header[1]).isEqualTo(Tier.CLAUDE);
                assertThat(debugging)
                        .as("debugging as %s/%s", header[0], header[1])
                        .isEqualTo(Tier.CLAUDE);
            }
        }

        @Test
        void reasonsNameTheSignalsAndNeverAStopWord() {
            List<String> prompts = List.of(
                    RENAME,
                    ARCHITECTURE,
                    DEBUGGING,
                    "The the of and to a in that is it for on with as was at by an be this which or from but not are.",
                    "Fix the typo in the README and bump the version number.",
                    "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\nValueError: bad value\nWhy does it fail?");
            for (String prompt : prompts) {
                // when
                Explanation explanation = shipped.explain(
                        Requests.prompt(prompt).role("backend").kind("code").build());
                List<String> named = quoted(explanation.decision().reason());
                explanation.signals().forEach(s -> named.addAll(quoted(s.description())));

                // then every term a reason quotes holds a word that is not a stop word
                assertThat(named)
                        .as(prompt)
                        .allSatisfy(
                                term -> assertThat(term.split(" ")).as(term).anyMatch(w -> !STOP_WORDS.contains(w)));
                assertThat(explanation.decision().reason()).as(prompt).doesNotContain("'the'", "'that'", "'a'", "'to'");
            }
            assertThat(shipped.decide(Requests.prompt(ARCHITECTURE).build()).reason())
                    .contains("design scope: 'design', 'architecture', 'multi tenant'");
        }

        private Tier tier(Requests request) {
            return shipped.decide(request.build()).tier();
        }

        private static List<String> quoted(String text) {
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("'([^']*)'").matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        private static final Set<String> STOP_WORDS = Set.of(
                "the", "a", "an", "of", "and", "to", "in", "that", "is", "it", "for", "on", "with", "as", "was", "at",
                "by", "be", "this", "which", "or", "from", "but", "not", "are", "i", "you", "he", "she", "we", "they",
                "s");
    }

    @Test
    void rejectsNegativeLowBudgetMark() {
        assertThatThrownBy(() -> new ComplexityRoutingPolicy.Settings(Map.of(), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
