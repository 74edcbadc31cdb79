package dev.aios.router.tier;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code aios.router.*}: the policy (complexity or fixed), the tiers, their fallback chains, the scripted recordings, the cache and resilience. */
@ConfigurationProperties("aios.router")
public record RouterProperties(
        @Nullable Map<String, TierProperties> tiers,
        @Nullable Map<String, List<String>> fallback,
        @Nullable String policy,
        @Nullable String defaultTier,
        @Nullable Scripted scripted,
        @Nullable Cache cache,
        @Nullable Resilience resilience) {

    /** One tier; {@code provider} is anthropic, openai, openai-compatible or scripted. */
    public record TierProperties(
            @Nullable String provider,
            @Nullable String model,
            @Nullable String baseUrl,
            @Nullable String apiKey,
            @Nullable BigDecimal priceInputPerMillion,
            @Nullable BigDecimal priceOutputPerMillion,
            @Nullable Integer contextLimit,
            @Nullable Duration timeout) {}

    /** A {@code classpath:}, {@code classpath*:} or {@code file:} pattern of recordings files. */
    public record Scripted(@Nullable String recordings) {}

    public record Cache(@Nullable Boolean enabled, @Nullable String keyPrefix, @Nullable Duration ttl) {}

    public record Resilience(
            @Nullable Integer maxAttempts,
            @Nullable Duration initialBackoff,
            @Nullable Duration maxBackoff,
            @Nullable Duration maxRetryAfter,
            @Nullable Integer breakerWindow,
            @Nullable Integer breakerMinimumCalls,
            @Nullable Duration breakerOpenFor,
            @Nullable Integer maxConcurrentCalls) {}
}
