package dev.aios.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.knowledge.EmbeddingKnowledgeBase;
import dev.aios.knowledge.KnowledgeBase;
import dev.aios.knowledge.KnowledgeBaseAutoConfiguration;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The orchestrator's knowledge store configured the way compose and the Helm chart configure it: its own
 * application.yml plus their environment variables, against a Qdrant stand-in that records what the client sends.
 */
class QdrantDeploymentSettingsTest {

    private FakeQdrant qdrant;

    @BeforeEach
    void startQdrant() throws IOException {
        qdrant = new FakeQdrant();
    }

    @AfterEach
    void stopQdrant() throws InterruptedException {
        qdrant.close();
    }

    @Test
    void sendsTheApiKeyTheChartSetsWithEveryCallToQdrant() {
        // given the chart's environment: AIOS_QDRANT_API_KEY comes from the Secret's qdrant-api-key
        Map<String, Object> environment = Map.of(
                "AIOS_KNOWLEDGE_STORE", "qdrant",
                "AIOS_QDRANT_HOST", "127.0.0.1",
                "AIOS_QDRANT_PORT", String.valueOf(qdrant.port()),
                "AIOS_QDRANT_API_KEY", "qdrant-key-from-the-secret");

        // when
        orchestratorWith(environment).run(context -> {
            // then
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(KnowledgeBase.class)).isInstanceOf(EmbeddingKnowledgeBase.class);
            assertThat(qdrant.apiKeys()).isNotEmpty().containsOnly(Optional.of("qdrant-key-from-the-secret"));
        });
    }

    @Test
    void sendsNoApiKeyWhenTheDeploymentLeavesItEmpty() {
        // given compose's environment (its Qdrant has no key) with an empty key, as an absent optional Secret key gives
        Map<String, Object> environment = Map.of(
                "AIOS_KNOWLEDGE_STORE", "qdrant",
                "AIOS_QDRANT_HOST", "127.0.0.1",
                "AIOS_QDRANT_PORT", String.valueOf(qdrant.port()),
                "AIOS_QDRANT_API_KEY", "");

        // when
        orchestratorWith(environment).run(context -> {
            // then
            assertThat(context).hasNotFailed();
            assertThat(qdrant.apiKeys()).isNotEmpty().containsOnly(Optional.empty());
        });
    }

    /** The orchestrator's knowledge configuration with its application.yml and exactly this process environment. */
    private static ApplicationContextRunner orchestratorWith(Map<String, Object> environment) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .replace(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                new SystemEnvironmentPropertySource(
                                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                .withConfiguration(
                        AutoConfigurations.of(KnowledgeConfiguration.class, KnowledgeBaseAutoConfiguration.class));
    }
}
