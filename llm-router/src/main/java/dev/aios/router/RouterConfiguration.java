package dev.aios.router;

import dev.aios.router.cache.DisabledResponseCache;
import dev.aios.router.cache.RedisResponseCache;
import dev.aios.router.chat.FixedTierRoutingPolicy;
import dev.aios.router.chat.InProcessLlmClient;
import dev.aios.router.chat.RouterService;
import dev.aios.router.client.LlmClient;
import dev.aios.router.policy.ComplexityRoutingPolicy;
import dev.aios.router.policy.MeteredRoutingPolicy;
import dev.aios.router.policy.RoutingPolicy;
import dev.aios.router.policy.Tier;
import dev.aios.router.provider.ResilienceSettings;
import dev.aios.router.provider.ResponseCache;
import dev.aios.router.tier.RouterProperties;
import dev.aios.router.tier.TierResolver;
import dev.aios.router.tier.TierSpec;
import dev.aios.router.usage.DisabledUsageRecorder;
import dev.aios.router.usage.MeteredUsageRecorder;
import dev.aios.router.usage.UsageRecorder;
import dev.aios.router.usage.messaging.EnvelopeUsageRecorder;
import dev.aios.agent.messaging.EnvelopePublisher;
import org.springframework.beans.factory.annotation.Value;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires tiers, providers, decorators, cache, policy and usage by hand (no provider starters: they fail on Boot 4.1). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouterProperties.class)
class RouterConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RouterConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Map<Tier, TierSpec> tierSpecs(RouterProperties properties) {
        Map<Tier, TierSpec> tiers = TierResolver.resolve(properties);
        // endpoints print without their keys (ProviderEndpoint.toString)
        tiers.values().forEach(spec -> log.info("tier {}: {} model={} baseUrl={} ({})", spec.tier().id(),
                spec.endpoint().provider(), spec.endpoint().model(), spec.endpoint().baseUrl(), spec.why()));
        return tiers;
    }

    @Bean
    ResponseCache responseCache(RouterProperties properties, ObjectProvider<StringRedisTemplate> redis) {
        RouterProperties.Cache cache = properties.cache();
        if (cache == null || !Boolean.TRUE.equals(cache.enabled()) || redis.getIfAvailable() == null) {
            log.info("response cache disabled");
            return new DisabledResponseCache();
        }
        String prefix = cache.keyPrefix() == null ? "aios:router:cache:" : cache.keyPrefix();
        return new RedisResponseCache(redis.getObject(), prefix, cache.ttl() == null ? Duration.ofHours(24) : cache.ttl());
    }

    /** The complexity-scoring policy; {@code aios.router.policy: fixed} sends everything to the default tier instead. */
    @Bean
    @ConditionalOnMissingBean
    RoutingPolicy routingPolicy(RouterProperties properties, MeterRegistry registry) {
        if ("fixed".equals(properties.policy())) {
            Tier tier = Tier.parse(properties.defaultTier() == null ? "gpt" : properties.defaultTier());
            log.warn("routing policy 'fixed': every call goes to tier {} unless overridden", tier.id());
            return new FixedTierRoutingPolicy(tier);
        }
        return new MeteredRoutingPolicy(ComplexityRoutingPolicy.withDefaults(), registry);
    }

    @Bean
    @ConditionalOnMissingBean
    UsageRecorder usageRecorder(MeterRegistry registry, ObjectProvider<EnvelopePublisher> publisher,
            @Value("${spring.application.name:llm-router}") String application) {
        EnvelopePublisher events = publisher.getIfAvailable();
        if (events == null) {
            log.warn("no event publisher: LlmCallCompleted is not published, usage reaches only the metrics");
            return new MeteredUsageRecorder(new DisabledUsageRecorder(), registry);
        }
        return new MeteredUsageRecorder(new EnvelopeUsageRecorder(events, application), registry);
    }

    @Bean
    RouterService routerService(RouterProperties properties, Map<Tier, TierSpec> tierSpecs, ResponseCache cache,
            RoutingPolicy policy, UsageRecorder usage, MeterRegistry registry) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String recordings = properties.scripted() == null || properties.scripted().recordings() == null
                ? "classpath*:scripted/*.json" : properties.scripted().recordings();
        ProviderAssembly assembly = new ProviderAssembly(http, cache, registry, resilience(properties.resilience()),
                memoized(() -> RecordingsLoader.load(recordings)));
        Map<String, List<String>> fallback = properties.fallback() == null ? Map.of() : properties.fallback();
        return new RouterService(policy, tierSpecs, assembly.chains(tierSpecs, fallback), usage);
    }

    @Bean
    @ConditionalOnMissingBean
    LlmClient inProcessLlmClient(RouterService router) {
        return new InProcessLlmClient(router);
    }

    /** Recordings are read once, and only if some tier is scripted. */
    private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> load) {
        java.util.concurrent.atomic.AtomicReference<T> value = new java.util.concurrent.atomic.AtomicReference<>();
        return () -> value.updateAndGet(v -> v != null ? v : load.get());
    }

    static ResilienceSettings resilience(RouterProperties.Resilience r) {
        ResilienceSettings d = ResilienceSettings.defaults();
        if (r == null) {
            return d;
        }
        return new ResilienceSettings(
                r.maxAttempts() == null ? d.maxAttempts() : r.maxAttempts(),
                r.initialBackoff() == null ? d.initialBackoff() : r.initialBackoff(),
                d.backoffMultiplier(),
                r.maxBackoff() == null ? d.maxBackoff() : r.maxBackoff(),
                d.jitter(),
                r.maxRetryAfter() == null ? d.maxRetryAfter() : r.maxRetryAfter(),
                r.breakerWindow() == null ? d.breakerWindow() : r.breakerWindow(),
                r.breakerMinimumCalls() == null ? d.breakerMinimumCalls() : r.breakerMinimumCalls(),
                d.breakerFailureRatePercent(),
                r.breakerOpenFor() == null ? d.breakerOpenFor() : r.breakerOpenFor(),
                r.maxConcurrentCalls() == null ? d.maxConcurrentCalls() : r.maxConcurrentCalls(),
                d.bulkheadMaxWait());
    }
}
