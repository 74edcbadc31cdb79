package dev.aios.orchestrator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aios.knowledge.EmbeddingKnowledgeBase;
import dev.aios.knowledge.KnowledgeBase;
import dev.aios.knowledge.KnowledgeBaseAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KnowledgeConfigurationTest {
    // user configuration first, as in the application: the fallback must still lose to a configured store
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(KnowledgeConfiguration.class, KnowledgeBaseAutoConfiguration.class));

    @Test
    void aConfiguredStoreIsWhatTheOrchestratorSearches() {
        context.withPropertyValues("aios.knowledge.store=in-memory")
                .run(ctx -> assertThat(ctx).getBean(KnowledgeBase.class).isInstanceOf(EmbeddingKnowledgeBase.class));
    }

    @Test
    void withoutAStoreTheDisabledKnowledgeBaseSaysSoAndAnswersNothing() {
        context.withPropertyValues("aios.knowledge.store=none").run(ctx -> {
            KnowledgeBase knowledge = ctx.getBean(KnowledgeBase.class);
            assertThat(knowledge).isInstanceOf(DisabledKnowledgeBase.class);
            assertThat(knowledge.search("p", "anything", 5)).isEmpty();
        });
    }
}
