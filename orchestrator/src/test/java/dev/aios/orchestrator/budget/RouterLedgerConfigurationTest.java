package dev.aios.orchestrator.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** How the orchestrator comes to read the router's ledger: over HTTP when configured, not at all otherwise. */
class RouterLedgerConfigurationTest {
    private static final String TOKEN = "orchestrator-token-0123456789abcdefghijklmnopq";

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(RouterLedgerConfiguration.class);

    @Test
    void withAUrlAndATokenItReadsTheRouterOverHttp() {
        context.withPropertyValues(
                        "aios.orchestrator.router.url=http://llm-router:8081",
                        "aios.orchestrator.router.token=" + TOKEN)
                .run(ctx -> assertThat(ctx).getBean(RouterLedger.class).isInstanceOf(HttpRouterLedger.class));
    }

    @Test
    void withoutATokenItStartsAndReportsThatItIsNotConfigured() {
        context.withPropertyValues(
                        "aios.orchestrator.router.url=http://llm-router:8081", "aios.orchestrator.router.token=")
                .run(ctx -> assertThat(ctx.getBean(RouterLedger.class).read(UUID.randomUUID()))
                        .isInstanceOf(Reading.NotConfigured.class));
    }

    @Test
    void aTooShortTokenStopsTheStartWithoutEchoingIt() {
        context.withPropertyValues(
                        "aios.orchestrator.router.url=http://llm-router:8081",
                        "aios.orchestrator.router.token=changeme")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("AIOS_ROUTER_TOKEN", "at least 32 characters")
                        .hasMessageNotContaining("changeme"));
    }

    @Test
    void aUrlThatIsNotHttpStopsTheStart() {
        context.withPropertyValues(
                        "aios.orchestrator.router.url=llm-router:8081", "aios.orchestrator.router.token=" + TOKEN)
                .run(ctx ->
                        assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("AIOS_ROUTER_URL"));
    }

    @Test
    void aTimeoutThatIsNotPositiveStopsTheStart() {
        context.withPropertyValues(
                        "aios.orchestrator.router.url=http://llm-router:8081",
                        "aios.orchestrator.router.token=" + TOKEN,
                        "aios.orchestrator.router.timeout=0s")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("aios.orchestrator.router.timeout must be positive"));
    }

    @Test
    void aLaunchersOwnLedgerWins() {
        RouterLedger inProcess = projectId -> new Reading.NothingMetered();
        context.withPropertyValues(
                        "aios.orchestrator.router.url=http://llm-router:8081",
                        "aios.orchestrator.router.token=" + TOKEN)
                .withBean(RouterLedger.class, () -> inProcess)
                .run(ctx -> assertThat(ctx.getBean(RouterLedger.class)).isSameAs(inProcess));
    }
}
