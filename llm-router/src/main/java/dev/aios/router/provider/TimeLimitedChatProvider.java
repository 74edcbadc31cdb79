package dev.aios.router.provider;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds one attempt by the tier's timeout, whatever the transport does (a server that sends headers and then
 * stalls escapes the HTTP client's own timeout). The attempt runs on the caller's thread; a watchdog interrupts that
 * thread when the timeout elapses, which aborts the blocking HTTP exchange or the read of its body.
 */
public final class TimeLimitedChatProvider implements ChatProvider {
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final ChatProvider delegate;
    private final String name;
    private final Duration timeout;

    public TimeLimitedChatProvider(ChatProvider delegate, String name, Duration timeout) {
        this.delegate = delegate;
        this.name = name;
        this.timeout = timeout;
    }

    @Override
    public ProviderReply chat(ProviderRequest request, TokenSink sink) {
        Attempt attempt = new Attempt(Thread.currentThread());
        ScheduledFuture<?> alarm = WATCHDOG.schedule(attempt::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ProviderReply reply = null;
        RuntimeException failure = null;
        boolean late;
        try {
            reply = delegate.chat(request, sink);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            alarm.cancel(false);
            late = attempt.finish();
        }
        if (late) {
            // whatever the attempt did once the alarm rang (failed on the interrupt, or answered just then), it is late
            throw timedOut(failure);
        }
        if (failure != null) {
            throw failure;
        }
        return reply;
    }

    private ProviderException timedOut(Throwable cause) {
        return ProviderErrors.timeout(name, "no answer within " + timeout, cause);
    }

    /** The caller's thread is interrupted only while the attempt runs, never after it returned. */
    private static final class Attempt {
        private final Thread caller;
        private boolean running = true;
        private boolean expired;

        Attempt(Thread caller) {
            this.caller = caller;
        }

        synchronized void expire() {
            if (running) {
                expired = true;
                caller.interrupt();
            }
        }

        /** Ends the attempt; true (and the interrupt the alarm set is cleared) when the timeout had elapsed. */
        synchronized boolean finish() {
            running = false;
            if (expired) {
                Thread.interrupted();
            }
            return expired;
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "router-attempt-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
