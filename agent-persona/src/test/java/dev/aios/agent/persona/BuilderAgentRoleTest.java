package dev.aios.agent.persona;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.agent.Role;
import dev.aios.agent.persona.testing.ScriptedLlm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BuilderAgentRoleTest {
    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"CTO", "QA"})
    void refusesARoleThatIsNotABuilder(Role role) {
        // given a prompt that exists, so only the role can be wrong
        Prompt prompt = Prompt.load(BuilderAgent.class, "backend", 1);

        // when / then
        assertThatThrownBy(() -> new BuilderAgent(role, prompt, new ScriptedLlm()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(role.routingKey());
    }
}
