package dev.aios.router.budget;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The budget guard over the shared Redis ledger; {@code aios.router.deployment-mode} makes projects and limits mandatory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
class BudgetConfiguration {
    private static final Logger log = LoggerFactory.getLogger(BudgetConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    BudgetGuard budgetGuard(
            BudgetProperties properties,
            ObjectProvider<StringRedisTemplate> redis,
            MeterRegistry registry,
            @Value("${aios.router.deployment-mode:false}") boolean deploymentMode) {
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            if (deploymentMode) {
                throw new IllegalStateException("aios.router.deployment-mode needs Redis for the shared budget ledger");
            }
            log.warn("no Redis: the budget ledger lives in this process only");
            return new BudgetGuard(new MeteredBudgetLedger(new InMemoryBudgetLedger(), registry), false);
        }
        log.info(
                "budget ledger in Redis under {} (deployment mode {})",
                properties.keyPrefixOrDefault(),
                deploymentMode);
        return new BudgetGuard(
                new MeteredBudgetLedger(
                        new RedisBudgetLedger(template, properties.keyPrefixOrDefault(), properties.holdTtlOrDefault()),
                        registry),
                deploymentMode);
    }
}
