package dev.aios.router.budget;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aios.router.budget.*}: where the shared ledger lives in Redis and how long a hold outlives a router that died
 * before settling it (longer than any call with its retries and fallbacks may take).
 */
@ConfigurationProperties("aios.router.budget")
public record BudgetProperties(
        @Nullable String keyPrefix, @Nullable Duration holdTtl) {
    public String keyPrefixOrDefault() {
        return keyPrefix == null || keyPrefix.isBlank() ? "aios:router:budget:" : keyPrefix;
    }

    public Duration holdTtlOrDefault() {
        return holdTtl == null ? Duration.ofMinutes(30) : holdTtl;
    }
}
