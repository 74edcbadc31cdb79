package dev.aios.router.provider;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Tries the chosen tier, then the configured fallbacks in order, when a tier is unavailable (open breaker,
 * exhausted retries, timeout, full bulkhead). A non-retriable failure ends the chain: another model would refuse too.
 */
public final class FallbackChatProvider implements ChatProvider {
    public record Link(String tier, ChatProvider provider) {
        public Link {
            requireNonNull(tier, "tier");
            requireNonNull(provider, "provider");
        }
    }

    private final List<Link> chain;
    private final BiConsumer<Link, ProviderException> onFallback;

    /** @param onFallback told about every link that failed before the next one is tried */
    public FallbackChatProvider(List<Link> chain, BiConsumer<Link, ProviderException> onFallback) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one tier");
        }
        this.chain = List.copyOf(chain);
        this.onFallback = onFallback;
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        ProviderException last = null;
        boolean[] sent = new boolean[1];
        TokenSink tracking = TokenSink.observing(sink, () -> sent[0] = true);
        for (int i = 0; i < chain.size(); i++) {
            Link link = chain.get(i);
            try {
                ProviderReply reply = link.provider().chat(request, tracking);
                return i == 0 ? reply : reply.asFallback();
            } catch (ProviderException e) {
                // after part of a streamed answer reached the caller another tier cannot take over cleanly
                if (!e.retriable() || sent[0]) {
                    throw e;
                }
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
                onFallback.accept(link, e);
            }
        }
        throw last;
    }

    public List<String> tiers() {
        return chain.stream().map(Link::tier).toList();
    }
}
