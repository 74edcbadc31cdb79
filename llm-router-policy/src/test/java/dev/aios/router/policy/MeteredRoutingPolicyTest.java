package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MeteredRoutingPolicyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RoutingPolicy policy = new MeteredRoutingPolicy(
            new ComplexityRoutingPolicy(TestModels.handBuilt(), ComplexityRoutingPolicy.Settings.defaults()), registry);

    @Test
    void countsDecisionsByTierAndRule() {
        // when
        policy.decide(Requests.prompt("x").hint("low").build());
        policy.decide(Requests.prompt("x").hint("low").build());
        policy.decide(Requests.prompt("x").hint("high").budget(1).build());
        policy.decide(Requests.prompt("x").override(Tier.CLAUDE).build());

        // then
        assertThat(count("local", "score")).isEqualTo(2);
        assertThat(count("gpt", "budget_downgrade")).isEqualTo(1);
        assertThat(count("claude", "override")).isEqualTo(1);
        assertThat(registry.get(MeteredRoutingPolicy.SCORES).summary().count()).isEqualTo(4);
    }

    private double count(String tier, String rule) {
        return registry.get(MeteredRoutingPolicy.DECISIONS)
                .tag("tier", tier)
                .tag("rule", rule)
                .counter()
                .count();
    }
}
