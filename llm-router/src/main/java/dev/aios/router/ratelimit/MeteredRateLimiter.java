package dev.aios.router.ratelimit;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * Counts permits per provider and outcome ({@code aios.router.ratelimit.permits{provider,outcome}}), times the queueing
 * of granted ones ({@code aios.router.ratelimit.wait}) and counts provider hold-offs.
 */
public final class MeteredRateLimiter implements RateLimiter {
    private final RateLimiter delegate;
    private final MeterRegistry registry;
    private final String provider;

    public MeteredRateLimiter(RateLimiter delegate, MeterRegistry registry, String provider) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.registry = requireNonNull(registry, "registry");
        this.provider = requireNonNull(provider, "provider");
    }

    @Override
    public Permit acquire(long tokens) {
        Permit permit = delegate.acquire(tokens);
        switch (permit) {
            case Permit.Granted granted -> {
                registry.counter("aios.router.ratelimit.permits", "provider", provider, "outcome", "granted")
                        .increment();
                registry.timer("aios.router.ratelimit.wait", "provider", provider)
                        .record(granted.waited());
            }
            case Permit.Denied denied ->
                registry.counter("aios.router.ratelimit.permits", "provider", provider, "outcome", "denied")
                        .increment();
        }
        return permit;
    }

    @Override
    public void holdOff(Duration wait) {
        registry.counter("aios.router.ratelimit.hold_offs", "provider", provider)
                .increment();
        delegate.holdOff(wait);
    }
}
