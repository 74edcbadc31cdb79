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
    void servicesReachTheModelThroughTheRouterOverHttpWithTheirToken() {
        context.withPropertyValues(
                        "aios.router.url=http://llm-router:8081",
                        "aios.router.token=cto-token-0123456789abcdefghijklmnopqrstuv")
                .run(ctx -> assertThat(ctx).getBean(LlmClient.class).isInstanceOf(HttpLlmClient.class));
    }

    @Test
    void aServiceWithoutARouterTokenDoesNotStartAndSaysWhichVariableToSet() {
        context.withPropertyValues("aios.router.url=http://llm-router:8081")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("AIOS_ROUTER_TOKEN")
                        .hasMessageContaining("deploy/generate-env.sh"));
    }

    @Test
    void anUnresolvedTokenPlaceholderIsReportedTheSameWay() {
        context.withPropertyValues("aios.router.token=${AIOS_ROUTER_TOKEN_NOT_SET_IN_THIS_TEST}")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("AIOS_ROUTER_TOKEN) is not set"));
    }

    @Test
    void aTooShortTokenIsRefusedWithoutEchoingIt() {
        context.withPropertyValues("aios.router.token=changeme")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("at least 32 characters")
                        .hasMessageNotContaining("changeme"));
    }

    @Test
    void anApplicationsOwnClientWins() {
        ScriptedLlm inProcess = new ScriptedLlm();
        context.withBean(LlmClient.class, () -> inProcess)
                .run(ctx -> assertThat(ctx.getBean(LlmClient.class)).isSameAs(inProcess));
    }
}
