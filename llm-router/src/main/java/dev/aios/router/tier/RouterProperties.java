package dev.aios.router.tier;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code aios.router.*}: the policy (complexity or fixed), the tiers, their fallback chains, record/replay, the cache and resilience. */
@ConfigurationProperties("aios.router")
public record RouterProperties(
        @Nullable Map<String, TierProperties> tiers,
        @Nullable Map<String, List<String>> fallback,
        @Nullable String policy,
        @Nullable String defaultTier,
        @Nullable Cassettes cassettes,
        @Nullable Cache cache,
        @Nullable Resilience resilience) {

    /** One tier; {@code provider} is anthropic, openai or openai-compatible. */
    public record TierProperties(
            @Nullable String provider,
            @Nullable String model,
            @Nullable String baseUrl,
            @Nullable String apiKey,
            @Nullable BigDecimal priceInputPerMillion,
            @Nullable BigDecimal priceOutputPerMillion,
            @Nullable Integer contextLimit,
            @Nullable Duration timeout) {}

    /**
     * Record and replay. {@code record}: a file every exchange is written to (live tiers answer). {@code replay}:
     * comma-separated {@code classpath:}, {@code classpath*:} or {@code file:} patterns of cassettes; when set, every
     * tier answers from them and no provider is called. {@code label}: what a recording says about itself.
     */
    public record Cassettes(
            @Nullable String record,
            @Nullable String replay,
            @Nullable String label) {}

    public record Cache(
            @Nullable Boolean enabled,
            @Nullable String keyPrefix,
            @Nullable Duration ttl) {}

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
