package dev.aios.router.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aios.router.client.RouterToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCredentialsTest {
    private static final RouterToken CTO = RouterToken.generate();
    private static final RouterToken QA = RouterToken.generate();

    private static ServiceCredentials of(Map<String, RouterClientsProperties.Client> clients) {
        return ServiceCredentials.of(new RouterClientsProperties(clients, null, null));
    }

    @Test
    void knowsWhichServiceATokenBelongsToFromItsDigestAlone() {
        // given the router holds only digests (one in upper case, as some tools print them)
        ServiceCredentials credentials = of(Map.of(
                "agents-cto", new RouterClientsProperties.Client(CTO.sha256Hex(), null),
                "agents-qa", new RouterClientsProperties.Client(QA.sha256Hex().toUpperCase(), null),
                "agents-devops", new RouterClientsProperties.Client("", null)));

        // then
        assertThat(credentials.serviceForToken(CTO.value())).contains("agents-cto");
        assertThat(credentials.serviceForToken(QA.value())).contains("agents-qa");
        assertThat(credentials.serviceForToken(RouterToken.generate().value())).isEmpty();
        assertThat(credentials.serviceForToken("")).isEmpty();
        assertThat(credentials.services()).containsExactly("agents-cto", "agents-qa");
    }

    @Test
    void refusesToStartWithATokenWhereADigestBelongs() {
        assertThatThrownBy(() -> of(Map.of("agents-cto", new RouterClientsProperties.Client(CTO.value(), null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aios.router.clients.agents-cto.token-sha256 must be the 64 hex digits")
                .hasMessageNotContaining(CTO.value());
    }

    @Test
    void mapsCertificateNamesToServicesAndRefusesANameClaimedTwice() {
        ServiceCredentials credentials = of(Map.of(
                "orchestrator",
                new RouterClientsProperties.Client(
                        null, List.of("orchestrator.aios.svc", "spiffe://aios/orchestrator"))));

        assertThat(credentials.serviceForCertificateName("Orchestrator.AIOS.svc"))
                .contains("orchestrator");
        assertThat(credentials.serviceForCertificateName("spiffe://aios/orchestrator"))
                .contains("orchestrator");
        assertThat(credentials.serviceForCertificateName("agents-qa.aios.svc")).isEmpty();
        assertThatThrownBy(() -> of(Map.of(
                        "orchestrator", new RouterClientsProperties.Client(null, List.of("shared.aios.svc")),
                        "agents-qa", new RouterClientsProperties.Client(null, List.of("shared.aios.svc")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claimed by both");
    }
}
