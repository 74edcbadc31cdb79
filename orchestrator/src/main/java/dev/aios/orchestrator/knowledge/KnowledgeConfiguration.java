package dev.aios.orchestrator.knowledge;

import dev.aios.knowledge.KnowledgeBase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class KnowledgeConfiguration {
    @Bean
    @ConditionalOnMissingBean(KnowledgeBase.class)
    KnowledgeBase disabledKnowledgeBase() {
        return new DisabledKnowledgeBase();
    }
}
