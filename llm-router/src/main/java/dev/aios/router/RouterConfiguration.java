package dev.aios.router;

import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.router.budget.BudgetGuard;
import dev.aios.router.cache.DisabledResponseCache;
import dev.aios.router.cache.RedisResponseCache;
import dev.aios.router.cassette.CassetteLoader;
import dev.aios.router.cassette.CassetteRecorder;
import dev.aios.router.cassette.DisabledExchangeRecorder;
import dev.aios.router.cassette.ExchangeRecorder;
import dev.aios.router.cassette.ReplayChatProvider;
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
import dev.aios.router.ratelimit.RateLimits;
import dev.aios.router.tier.RouterProperties;
import dev.aios.router.tier.TierResolver;
import dev.aios.router.tier.TierSpec;
import dev.aios.router.usage.DisabledUsageRecorder;
import dev.aios.router.usage.MeteredUsageRecorder;
import dev.aios.router.usage.UsageRecorder;
import dev.aios.router.usage.messaging.EnvelopeUsageRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
        Map<Tier, TierSpec> tiers =
                TierResolver.resolve(properties, !replayLocations(properties).isEmpty());
        // endpoints print without their keys (ProviderEndpoint.toString)
        tiers.values()
                .forEach(spec -> log.info(
                        "tier {}: {} model={} baseUrl={} ({})",
                        spec.tier().id(),
                        spec.endpoint().provider(),
                        spec.endpoint().model(),
                        spec.endpoint().baseUrl(),
                        spec.why()));
        if (tiers.values().stream().noneMatch(TierSpec::available)) {
            log.warn("not ready: {}", ModelsHealthIndicator.NO_MODEL);
        }
        return tiers;
    }

    @Bean
    ModelsHealthIndicator modelsHealthIndicator(Map<Tier, TierSpec> tierSpecs) {
        return new ModelsHealthIndicator(tierSpecs);
    }

    /** Cassettes are read at start, so a bad file stops the router with its name instead of failing the first call. */
    @Bean
    @ConditionalOnMissingBean
    ReplayChatProvider replayChatProvider(RouterProperties properties) {
        String locations = replayLocations(properties);
        if (locations.isEmpty()) {
            return new ReplayChatProvider(List.of());
        }
        ReplayChatProvider replay = new ReplayChatProvider(CassetteLoader.load(locations));
        log.warn(
                "replaying recordings, no provider is called: {} cassette(s) from {} for briefs {}",
                replay.cassettes().size(),
                locations,
                replay.recordedBriefs());
        return replay;
    }

    @Bean
    @ConditionalOnMissingBean
    ExchangeRecorder exchangeRecorder(RouterProperties properties, Map<Tier, TierSpec> tierSpecs, Clock clock) {
        RouterProperties.Cassettes cassettes = properties.cassettes();
        String file = cassettes == null || cassettes.record() == null
                ? ""
                : cassettes.record().strip();
        if (file.isEmpty()) {
            return new DisabledExchangeRecorder();
        }
        if (!replayLocations(properties).isEmpty()) {
            throw new IllegalStateException(
                    "aios.router.cassettes: record and replay exclude each other (a replay calls no model)");
        }
        String label = cassettes.label() == null ? "" : cassettes.label().strip();
        CassetteRecorder recorder = new CassetteRecorder(Path.of(file), recordedWith(tierSpecs), label, clock);
        log.warn("recording every model exchange to {}", recorder.file());
        return recorder;
    }

    @Bean
    ResponseCache responseCache(RouterProperties properties, ObjectProvider<StringRedisTemplate> redis) {
        RouterProperties.Cache cache = properties.cache();
        if (cache == null || !Boolean.TRUE.equals(cache.enabled()) || redis.getIfAvailable() == null) {
            log.info("response cache disabled");
            return new DisabledResponseCache();
        }
        String prefix = cache.keyPrefix() == null ? "aios:router:cache:" : cache.keyPrefix();
        return new RedisResponseCache(
                redis.getObject(), prefix, cache.ttl() == null ? Duration.ofHours(24) : cache.ttl());
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
    UsageRecorder usageRecorder(
            MeterRegistry registry,
            ObjectProvider<EnvelopePublisher> publisher,
            @Value("${spring.application.name:llm-router}") String application) {
        EnvelopePublisher events = publisher.getIfAvailable();
        if (events == null) {
            log.warn("no event publisher: LlmCallCompleted is not published, usage reaches only the metrics");
            return new MeteredUsageRecorder(new DisabledUsageRecorder(), registry);
        }
        return new MeteredUsageRecorder(new EnvelopeUsageRecorder(events, application), registry);
    }

    @Bean
    RouterService routerService(
            RouterProperties properties,
            Map<Tier, TierSpec> tierSpecs,
            ResponseCache cache,
            RoutingPolicy policy,
            UsageRecorder usage,
            MeterRegistry registry,
            ReplayChatProvider replay,
            ExchangeRecorder exchanges,
            BudgetGuard budget,
            RateLimits rateLimits) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ProviderAssembly assembly = new ProviderAssembly(
                http, cache, registry, resilience(properties.resilience()), () -> replay, rateLimits);
        Map<String, List<String>> fallback = properties.fallback() == null ? Map.of() : properties.fallback();
        return new RouterService(policy, tierSpecs, assembly.chains(tierSpecs, fallback), usage, exchanges, budget);
    }

    @Bean
    @ConditionalOnMissingBean
    LlmClient inProcessLlmClient(RouterService router) {
        return new InProcessLlmClient(router);
    }

    private static String replayLocations(RouterProperties properties) {
        RouterProperties.Cassettes cassettes = properties.cassettes();
        return cassettes == null || cassettes.replay() == null
                ? ""
                : cassettes.replay().strip();
    }

    /** What answers while recording, for the cassette's header: live tiers with provider, model and host. */
    private static String recordedWith(Map<Tier, TierSpec> tiers) {
        return tiers.values().stream()
                .filter(TierSpec::available)
                .map(spec -> spec.tier().id() + "=" + spec.endpoint().provider() + " "
                        + spec.endpoint().model()
                        + (spec.endpoint().baseUrl().getHost() == null
                                ? ""
                                : " at " + spec.endpoint().baseUrl().getHost()))
                .collect(Collectors.joining(", "));
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
