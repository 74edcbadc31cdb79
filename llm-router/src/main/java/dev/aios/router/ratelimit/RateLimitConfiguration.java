package dev.aios.router.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The shared provider limits; without Redis a configured limit stops the router instead of silently not limiting. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    RateLimits rateLimits(
            RateLimitProperties properties, ObjectProvider<StringRedisTemplate> redis, MeterRegistry registry) {
        Map<String, ProviderLimit> limits = new LinkedHashMap<>();
        if (properties.providers() != null) {
            properties
                    .providers()
                    .forEach((provider, limit) -> limits.put(
                            provider,
                            new ProviderLimit(
                                    limit.requestsPerMinute() == null ? 0 : limit.requestsPerMinute(),
                                    limit.tokensPerMinute() == null ? 0 : limit.tokensPerMinute())));
        }
        limits.values().removeIf(limit -> !limit.limits());
        if (limits.isEmpty()) {
            return RateLimits.none();
        }
        StringRedisTemplate template = redis.getIfAvailable();
        if (template == null) {
            throw new IllegalStateException(
                    "aios.router.rate-limits needs Redis: the limits are shared by every router replica");
        }
        log.info("shared provider rate limits {} (a call queues at most {})", limits, properties.maxWaitOrDefault());
        return new RateLimits(
                limits,
                provider -> new MeteredRateLimiter(
                        new RedisRateLimiter(
                                template,
                                properties.keyPrefixOrDefault(),
                                provider,
                                limits.get(provider),
                                properties.maxWaitOrDefault()),
                        registry,
                        provider));
    }
}
