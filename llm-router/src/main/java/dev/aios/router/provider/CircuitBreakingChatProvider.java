package dev.aios.router.provider;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Opens after too many retriable failures so a sick provider is skipped (and the fallback chain used) instead of
 * hammered. Non-retriable failures are the caller's fault and do not count against the provider.
 */
public final class CircuitBreakingChatProvider implements ChatProvider {
    private final ChatProvider delegate;
    private final CircuitBreaker breaker;
    private final String name;

    public CircuitBreakingChatProvider(ChatProvider delegate, String name, ResilienceSettings settings) {
        this.delegate = delegate;
        this.name = name;
        this.breaker = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(settings.breakerWindow())
                        .minimumNumberOfCalls(settings.breakerMinimumCalls())
                        .failureRateThreshold(settings.breakerFailureRatePercent())
                        .waitDurationInOpenState(settings.breakerOpenFor())
                        .recordException(e -> e instanceof ProviderException p && p.retriable())
                        .build());
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        try {
            return breaker.executeSupplier(() -> delegate.chat(request, sink));
        } catch (CallNotPermittedException e) {
            throw ProviderErrors.unavailable(name, "circuit breaker open", true, e);
        }
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }
}
