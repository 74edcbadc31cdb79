package dev.aios.router.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aios.router.rate-limits.*}: per provider ({@code anthropic}, {@code openai}, {@code openai-compatible}) the
 * requests and tokens per minute every router replica shares, and how long a call may queue for a permit.
 */
@ConfigurationProperties("aios.router.rate-limits")
public record RateLimitProperties(
        @Nullable String keyPrefix,
        @Nullable Duration maxWait,
        @Nullable Map<String, Limit> providers) {
    public record Limit(
            @Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute) {}

    public String keyPrefixOrDefault() {
        return keyPrefix == null || keyPrefix.isBlank() ? "aios:router:ratelimit:" : keyPrefix;
    }

    public Duration maxWaitOrDefault() {
        return maxWait == null ? Duration.ofSeconds(10) : maxWait;
    }
}
