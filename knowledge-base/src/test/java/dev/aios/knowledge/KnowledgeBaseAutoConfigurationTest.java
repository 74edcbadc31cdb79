package dev.aios.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class KnowledgeBaseAutoConfigurationTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KnowledgeBaseAutoConfiguration.class));

    @Test
    void theStandaloneStoreIsInMemory() {
        context.withPropertyValues("aios.knowledge.store=in-memory")
                .run(ctx -> assertThat(ctx).getBean(KnowledgeBase.class).isInstanceOf(EmbeddingKnowledgeBase.class));
    }

    @Test
    void withoutAStoreTheApplicationDecides() {
        context.run(ctx -> assertThat(ctx).doesNotHaveBean(KnowledgeBase.class));
    }

    @Test
    void qdrantWithoutAHostFailsAtStartWithTheReason() {
        context.withPropertyValues("aios.knowledge.store=qdrant")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("aios.knowledge.qdrant.host"));
    }

    @Test
    void anUnreachableQdrantFailsAtStartNamingTheServer() {
        // no Qdrant on our machines: port 1 on loopback refuses at once
        context.withPropertyValues(
                        "aios.knowledge.store=qdrant",
                        "aios.knowledge.qdrant.host=127.0.0.1",
                        "aios.knowledge.qdrant.port=1")
                .run(ctx -> assertThat(ctx)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("cannot prepare qdrant collection aios_knowledge at 127.0.0.1:1"));
    }
}
