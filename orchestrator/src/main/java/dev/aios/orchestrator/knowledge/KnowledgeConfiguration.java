package dev.aios.orchestrator.knowledge;

import dev.aios.knowledge.KnowledgeBase;
import dev.aios.knowledge.KnowledgeBaseAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The fallback when {@code aios.knowledge.store} selects no store. An auto-configuration ordered after the knowledge
 * base's own, so a configured in-memory or Qdrant store wins (a plain configuration class would be processed first
 * and always win).
 */
@AutoConfiguration(after = KnowledgeBaseAutoConfiguration.class)
public class KnowledgeConfiguration {
    @Bean
    @ConditionalOnMissingBean(KnowledgeBase.class)
    KnowledgeBase disabledKnowledgeBase() {
        return new DisabledKnowledgeBase();
    }
}
