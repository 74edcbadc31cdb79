package dev.aios.router.provider;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Times every call to a tier's provider and counts tokens, tagged by tier, provider and outcome. */
public final class MeteredChatProvider implements ChatProvider {
    private final ChatProvider delegate;
    private final MeterRegistry registry;
    private final String tier;
    private final String provider;

    public MeteredChatProvider(ChatProvider delegate, MeterRegistry registry, String tier, String provider) {
        this.delegate = delegate;
        this.registry = registry;
        this.tier = tier;
        this.provider = provider;
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            ProviderReply reply = delegate.chat(request, sink);
            outcome = reply.cached() ? "cached" : "success";
            registry.counter("aios.router.tokens", "tier", tier, "direction", "input").increment(reply.inputTokens());
            registry.counter("aios.router.tokens", "tier", tier, "direction", "output").increment(reply.outputTokens());
            return reply;
        } catch (ProviderException e) {
            outcome = e.kind().name().toLowerCase(java.util.Locale.ROOT);
            throw e;
        } finally {
            sample.stop(registry.timer("aios.router.provider.calls", "tier", tier, "provider", provider, "outcome", outcome));
        }
    }
}
