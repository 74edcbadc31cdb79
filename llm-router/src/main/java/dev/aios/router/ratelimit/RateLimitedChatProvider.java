package dev.aios.router.ratelimit;

import static java.util.Objects.requireNonNull;

import dev.aios.router.chat.TokenEstimate;
import dev.aios.router.client.LlmCallException.Kind;
import dev.aios.router.provider.ChatProvider;
import dev.aios.router.provider.ProviderErrors;
import dev.aios.router.provider.ProviderException;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ProviderRequest;
import dev.aios.router.provider.TokenSink;

/**
 * Takes a permit from the provider's shared limit before every attempt (the prompt estimate plus the output limit in
 * tokens) and refuses the attempt unsent when none comes in time; a provider's own {@code Retry-After} on a 429 or
 * 503 holds every replica off that provider.
 */
public final class RateLimitedChatProvider implements ChatProvider {
    private final ChatProvider delegate;
    private final RateLimiter limiter;
    private final String provider;

    public RateLimitedChatProvider(ChatProvider delegate, RateLimiter limiter, String provider) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.limiter = requireNonNull(limiter, "limiter");
        this.provider = requireNonNull(provider, "provider");
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        long tokens = TokenEstimate.of(request.messages(), request.tools()) + Math.max(0, request.maxOutputTokens());
        if (limiter.acquire(tokens) instanceof Permit.Denied denied) {
            throw ProviderErrors.throttled(
                    provider,
                    "the shared rate limit of " + provider + " is spent; it refills in "
                            + denied.retryAfter().toMillis() + " ms",
                    denied.retryAfter());
        }
        try {
            return delegate.chat(request, sink);
        } catch (ProviderException e) {
            boolean providerAskedToWait =
                    (e.kind() == Kind.RATE_LIMITED || e.kind() == Kind.PROVIDER_UNAVAILABLE) && !e.breakerOpen();
            if (providerAskedToWait) {
                e.retryAfter().ifPresent(limiter::holdOff);
            }
            throw e;
        }
    }
}
