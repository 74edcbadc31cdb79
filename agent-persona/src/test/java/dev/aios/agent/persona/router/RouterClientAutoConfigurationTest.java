package dev.aios.agent.persona.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agent.persona.testing.ScriptedLlm;
import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RouterClientAutoConfigurationTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RouterClientAutoConfiguration.class));

    @Test
    void servicesReachTheModelThroughTheRouterOverHttp() {
        context.withPropertyValues("aios.router.url=http://llm-router:8081")
                .run(ctx -> assertThat(ctx).getBean(LlmClient.class).isInstanceOf(HttpLlmClient.class));
    }

    @Test
    void anApplicationsOwnClientWins() {
        ScriptedLlm inProcess = new ScriptedLlm();
        context.withBean(LlmClient.class, () -> inProcess)
                .run(ctx -> assertThat(ctx.getBean(LlmClient.class)).isSameAs(inProcess));
    }
}
