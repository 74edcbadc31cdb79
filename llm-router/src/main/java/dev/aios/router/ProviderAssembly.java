package dev.aios.router;

import dev.aios.router.cassette.ReplayChatProvider;
import dev.aios.router.policy.Tier;
import dev.aios.router.provider.AnthropicChatProvider;
import dev.aios.router.provider.BulkheadChatProvider;
import dev.aios.router.provider.CachingChatProvider;
import dev.aios.router.provider.ChatProvider;
import dev.aios.router.provider.CircuitBreakingChatProvider;
import dev.aios.router.provider.FallbackChatProvider;
import dev.aios.router.provider.MeteredChatProvider;
import dev.aios.router.provider.OpenAiChatProvider;
import dev.aios.router.provider.ProviderEndpoint;
import dev.aios.router.provider.ResilienceSettings;
import dev.aios.router.provider.ResponseCache;
import dev.aios.router.provider.RetryingChatProvider;
import dev.aios.router.provider.TimeLimitedChatProvider;
import dev.aios.router.ratelimit.RateLimits;
import dev.aios.router.tier.TierSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires each tier's adapter inside its decorators and each tier's fallback chain, by hand. Order, outside in:
 * metered, caching, retrying, rate limited, circuit breaking, time limited, bulkhead, adapter: every attempt takes a
 * permit of the provider's shared rate limit, passes the breaker and has its own timeout, and a cache hit never
 * touches the provider.
 */
public final class ProviderAssembly {
    private static final Logger log = LoggerFactory.getLogger(ProviderAssembly.class);

    private final HttpClient http;
    private final ResponseCache cache;
    private final MeterRegistry registry;
    private final ResilienceSettings resilience;
    private final Supplier<ReplayChatProvider> replay;
    private final RateLimits rateLimits;

    /** {@code replay} is asked for only when a tier replays recordings. */
    public ProviderAssembly(
            HttpClient http,
            ResponseCache cache,
            MeterRegistry registry,
            ResilienceSettings resilience,
            Supplier<ReplayChatProvider> replay,
            RateLimits rateLimits) {
        this.http = http;
        this.cache = cache;
        this.registry = registry;
        this.resilience = resilience;
        this.replay = replay;
        this.rateLimits = rateLimits;
    }

    public ProviderAssembly(
            HttpClient http,
            ResponseCache cache,
            MeterRegistry registry,
            ResilienceSettings resilience,
            Supplier<ReplayChatProvider> replay) {
        this(http, cache, registry, resilience, replay, RateLimits.none());
    }

    public Map<Tier, FallbackChatProvider> chains(Map<Tier, TierSpec> tiers, Map<String, List<String>> fallback) {
        Map<Tier, ChatProvider> providers = new EnumMap<>(Tier.class);
        tiers.values().stream()
                .filter(TierSpec::available)
                .forEach(spec -> providers.put(spec.tier(), decorated(spec)));
        Map<Tier, FallbackChatProvider> chains = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            Set<Tier> order = new LinkedHashSet<>();
            order.add(tier);
            for (String next : fallback.getOrDefault(tier.id(), List.of())) {
                order.add(Tier.parse(next));
            }
            List<FallbackChatProvider.Link> links = new ArrayList<>();
            order.stream()
                    .filter(providers::containsKey)
                    .forEach(t -> links.add(new FallbackChatProvider.Link(t.id(), providers.get(t))));
            if (!links.isEmpty()) {
                chains.put(tier, new FallbackChatProvider(links, (link, e) -> {
                    registry.counter("aios.router.fallbacks", "from", link.tier())
                            .increment();
                    log.warn("tier {} failed ({}), falling back: {}", link.tier(), e.kind(), e.getMessage());
                }));
            }
        }
        return chains;
    }

    ChatProvider decorated(TierSpec spec) {
        ProviderEndpoint endpoint = spec.endpoint();
        String name = spec.tier().id() + "-" + endpoint.provider();
        if (endpoint.provider().equals(ReplayChatProvider.PROVIDER)) {
            // a recording answers at once or never: no retries, breaker, timeout or cache around it
            return new MeteredChatProvider(replay.get(), registry, spec.tier().id(), endpoint.provider());
        }
        ChatProvider provider = switch (endpoint.provider()) {
            case "anthropic" -> resilient(new AnthropicChatProvider(endpoint, http), name, spec);
            default -> resilient(new OpenAiChatProvider(endpoint, http), name, spec);
        };
        return new MeteredChatProvider(
                new CachingChatProvider(provider, cache, endpoint.model()),
                registry,
                spec.tier().id(),
                endpoint.provider());
    }

    private ChatProvider resilient(ChatProvider adapter, String name, TierSpec spec) {
        ChatProvider bulkhead = new BulkheadChatProvider(adapter, name, resilience);
        ChatProvider limited =
                new TimeLimitedChatProvider(bulkhead, name, spec.endpoint().timeout());
        ChatProvider breaking = new CircuitBreakingChatProvider(limited, name, resilience);
        return new RetryingChatProvider(
                rateLimits.limit(breaking, spec.endpoint().provider()), name, resilience);
    }
}
