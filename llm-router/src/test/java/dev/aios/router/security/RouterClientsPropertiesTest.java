package dev.aios.router.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may read budgets, and who may do nothing else, when the deployment says nothing, a list, or an empty value. */
class RouterClientsPropertiesTest {
    @Test
    void withNothingConfiguredTheOrchestratorReadsBudgetsAndDoesNothingElse() {
        RouterClientsProperties properties = new RouterClientsProperties(null, null, null);

        assertThat(properties.budgetReadersOrDefault()).containsExactly("orchestrator");
        assertThat(properties.budgetOnlyOrDefault()).containsExactly("orchestrator");
    }

    @Test
    void anEmptyOrBlankBudgetOnlyListLetsEveryServiceCallModels() {
        // given: AIOS_ROUTER_BUDGET_ONLY= binds as an empty list, " , " as blanks
        assertThat(new RouterClientsProperties(null, null, List.of()).budgetOnlyOrDefault())
                .isEmpty();
        assertThat(new RouterClientsProperties(null, null, List.of(" ", "")).budgetOnlyOrDefault())
                .isEmpty();
    }

    @Test
    void namesAreStrippedOfSpaces() {
        RouterClientsProperties properties =
                new RouterClientsProperties(null, List.of(" orchestrator ", "agents-qa"), List.of(" billing "));

        assertThat(properties.budgetReadersOrDefault()).containsExactly("orchestrator", "agents-qa");
        assertThat(properties.budgetOnlyOrDefault()).containsExactly("billing");
    }
}
