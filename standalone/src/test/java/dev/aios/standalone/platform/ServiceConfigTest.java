package dev.aios.standalone.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.agents.qa.QaAgentApplication;
import dev.aios.orchestrator.OrchestratorApplication;
import dev.aios.router.LlmRouterApplication;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    @Test
    void eachServiceReadsTheApplicationYmlOfItsOwnJarNotTheFirstOnTheClasspath() {
        // when
        var orchestrator = ServiceConfig.of(OrchestratorApplication.class);
        var router = ServiceConfig.of(LlmRouterApplication.class);
        var qa = ServiceConfig.of(QaAgentApplication.class);

        // then each sees its own port (some as a placeholder with that default, e.g. ${PORT:8085})
        assertThat(String.valueOf(orchestrator.getFirst().getProperty("server.port")))
                .contains("8080");
        assertThat(String.valueOf(router.getFirst().getProperty("server.port"))).contains("8081");
        assertThat(String.valueOf(qa.getFirst().getProperty("server.port"))).contains("8085");
    }
}
