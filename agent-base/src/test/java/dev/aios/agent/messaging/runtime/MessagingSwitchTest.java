package dev.aios.agent.messaging.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.Role;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.MessagingAutoConfiguration;
import dev.aios.agent.sample.EchoAgent;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agent.testkit.ScriptedLlmClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MessagingSwitchTest {
    @Test
    void switchingMessagingOffCreatesNoConnectionAndNoAgentRuntime() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(MessagingAutoConfiguration.class, AgentAutoConfiguration.class))
                .withBean(BaseAgent.class, () -> new EchoAgent(Role.QA, new ScriptedLlmClient()))
                .withPropertyValues("aios.messaging.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(AmqpConnections.class);
                    assertThat(context).doesNotHaveBean(AgentRuntime.class);
                    assertThat(context).hasSingleBean(BaseAgent.class);
                });
    }
}
