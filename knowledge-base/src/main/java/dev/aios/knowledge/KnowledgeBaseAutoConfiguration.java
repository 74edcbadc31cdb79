package dev.aios.knowledge;

import java.util.Optional;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code aios.knowledge.store=in-memory} (standalone) or {@code qdrant} (deployments, {@code aios.knowledge.qdrant.*});
 * without the property no knowledge base is defined and the application decides.
 */
@AutoConfiguration
@ConditionalOnMissingBean(KnowledgeBase.class)
public class KnowledgeBaseAutoConfiguration {
    @Bean
    @ConditionalOnProperty(name = "aios.knowledge.store", havingValue = "in-memory")
    KnowledgeBase inMemoryKnowledgeBase() {
        return KnowledgeBases.inMemory();
    }

    @Bean
    @ConditionalOnProperty(name = "aios.knowledge.store", havingValue = "qdrant")
    KnowledgeBase qdrantKnowledgeBase(Environment env) {
        String host = env.getProperty("aios.knowledge.qdrant.host");
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("aios.knowledge.store=qdrant needs aios.knowledge.qdrant.host");
        }
        QdrantSettings settings = new QdrantSettings(
                host,
                env.getProperty("aios.knowledge.qdrant.port", Integer.class, QdrantSettings.DEFAULT_GRPC_PORT),
                env.getProperty("aios.knowledge.qdrant.tls", Boolean.class, false),
                Optional.ofNullable(env.getProperty("aios.knowledge.qdrant.api-key"))
                        .filter(k -> !k.isBlank()),
                env.getProperty("aios.knowledge.qdrant.collection", QdrantSettings.DEFAULT_COLLECTION));
        return KnowledgeBases.qdrant(settings);
    }
}
