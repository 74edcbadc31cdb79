package dev.aios.router.provider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times every call to a tier's provider and counts tokens, tagged by tier, provider and outcome. The meters are
 * registered once and kept, so a call pays no registry lookup.
 */
public final class MeteredChatProvider implements ChatProvider {
    private final ChatProvider delegate;
    private final MeterRegistry registry;
    private final String tier;
    private final String provider;
    private final Counter inputTokens;
    private final Counter outputTokens;
    private final Map<String, Timer> calls = new ConcurrentHashMap<>();

    public MeteredChatProvider(ChatProvider delegate, MeterRegistry registry, String tier, String provider) {
        this.delegate = delegate;
        this.registry = registry;
        this.tier = tier;
        this.provider = provider;
        this.inputTokens = registry.counter("aios.router.tokens", "tier", tier, "direction", "input");
        this.outputTokens = registry.counter("aios.router.tokens", "tier", tier, "direction", "output");
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            ProviderReply reply = delegate.chat(request, sink);
            outcome = reply.cached() ? "cached" : "success";
            inputTokens.increment(reply.tokens().inputTokens());
            outputTokens.increment(reply.tokens().outputTokens());
            return reply;
        } catch (ProviderException e) {
            outcome = e.kind().name().toLowerCase(Locale.ROOT);
            throw e;
        } finally {
            sample.stop(calls.computeIfAbsent(
                    outcome,
                    o -> registry.timer(
                            "aios.router.provider.calls", "tier", tier, "provider", provider, "outcome", o)));
        }
    }
}
