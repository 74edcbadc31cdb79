package dev.aios.router.provider;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Retries retriable failures with exponential backoff and jitter, waiting what a {@code Retry-After} asks. Never
 * retries a non-retriable failure, an open breaker or spent shared rate limit (the fallback chain handles those), a
 * {@code Retry-After} longer than the router may wait (the caller gets it instead of a shortened wait), or a stream
 * that has already sent text to the caller (a retry would repeat it).
 */
public final class RetryingChatProvider implements ChatProvider {
    private final ChatProvider delegate;
    private final Retry retry;

    public RetryingChatProvider(ChatProvider delegate, String name, ResilienceSettings settings) {
        this.delegate = delegate;
        this.retry = Retry.of(
                name,
                RetryConfig.<ProviderReply>custom()
                        .maxAttempts(settings.maxAttempts())
                        .retryOnException(e -> retriable(e, settings.maxRetryAfter()))
                        .intervalBiFunction(interval(settings))
                        .build());
    }

    private static boolean retriable(Throwable e, Duration maxRetryAfter) {
        return e instanceof ProviderException p
                && p.retriable()
                && !p.breakerOpen()
                && p.retryAfter()
                        .map(asked -> asked.compareTo(maxRetryAfter) <= 0)
                        .orElse(true);
    }

    static IntervalBiFunction<ProviderReply> interval(ResilienceSettings settings) {
        return (attempt, outcome) -> {
            if (outcome.isLeft()
                    && outcome.getLeft() instanceof ProviderException p
                    && p.retryAfter().isPresent()) {
                Duration asked = p.retryAfter().get();
                return (asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked).toMillis();
            }
            double exponential =
                    settings.initialBackoff().toMillis() * Math.pow(settings.backoffMultiplier(), attempt - 1);
            double capped = Math.min(exponential, settings.maxBackoff().toMillis());
            double jitter =
                    1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
            return Math.max(1L, Math.round(capped * jitter));
        };
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        AtomicBoolean sent = new AtomicBoolean();
        TokenSink tracking = TokenSink.observing(sink, () -> sent.set(true));
        try {
            return retry.executeSupplier(() -> {
                try {
                    return delegate.chat(request, tracking);
                } catch (ProviderException e) {
                    if (sent.get()) {
                        throw new AlreadyStreamed(e);
                    }
                    throw e;
                }
            });
        } catch (AlreadyStreamed e) {
            throw e.failure;
        }
    }

    /** Carries a failure past the retry unretried because part of the answer already reached the caller. */
    private static final class AlreadyStreamed extends RuntimeException {
        private final ProviderException failure;

        AlreadyStreamed(ProviderException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
