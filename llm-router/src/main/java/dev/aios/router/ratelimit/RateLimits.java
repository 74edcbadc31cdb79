package dev.aios.router.ratelimit;

import static java.util.Objects.requireNonNull;

import dev.aios.router.provider.ChatProvider;
import java.util.Map;
import java.util.function.Function;

/** Which providers are limited, and how: wraps each limited provider's adapter in its shared limit. */
public final class RateLimits {
    private static final RateLimits NONE = new RateLimits(Map.of(), provider -> {
        throw new IllegalStateException("no limiter without limits");
    });

    private final Map<String, ProviderLimit> limits;
    private final Function<String, RateLimiter> limiters;

    /** @param limiters builds the shared limiter of a provider named in {@code limits} */
    public RateLimits(Map<String, ProviderLimit> limits, Function<String, RateLimiter> limiters) {
        this.limits = Map.copyOf(limits);
        this.limiters = requireNonNull(limiters, "limiters");
    }

    public static RateLimits none() {
        return NONE;
    }

    /** The provider's adapter behind its shared limit, or as it is when the provider has none. */
    public ChatProvider limit(ChatProvider adapter, String provider) {
        ProviderLimit limit = limits.get(provider);
        return limit == null || !limit.limits()
                ? adapter
                : new RateLimitedChatProvider(adapter, limiters.apply(provider), provider);
    }

    public Map<String, ProviderLimit> limits() {
        return limits;
    }
}
