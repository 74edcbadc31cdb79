package dev.aios.router.provider;

import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Bounds one attempt by the tier's timeout, whatever the transport does (a server that sends headers and then
 * stalls escapes the HTTP client's own timeout). The attempt runs on a virtual thread that is interrupted on timeout.
 */
public final class TimeLimitedChatProvider implements ChatProvider {
    private static final ExecutorService ATTEMPTS = Executors.newVirtualThreadPerTaskExecutor();

    private final ChatProvider delegate;
    private final TimeLimiter limiter;
    private final String name;

    public TimeLimitedChatProvider(ChatProvider delegate, String name, Duration timeout) {
        this.delegate = delegate;
        this.name = name;
        this.limiter = TimeLimiter.of(name, TimeLimiterConfig.custom()
                .timeoutDuration(timeout)
                .cancelRunningFuture(true)
                .build());
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        try {
            return limiter.executeFutureSupplier(() -> ATTEMPTS.submit(() -> delegate.chat(request, sink)));
        } catch (TimeoutException e) {
            throw ProviderErrors.timeout(name, "no answer within " + limiter.getTimeLimiterConfig().getTimeoutDuration(), e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw unwrap(e);
        }
    }

    private RuntimeException unwrap(Throwable cause) {
        if (cause instanceof ExecutionException nested && nested.getCause() != null) {
            return unwrap(nested.getCause());
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return ProviderErrors.unavailable(name, "attempt failed: " + cause, false, cause);
    }
}
